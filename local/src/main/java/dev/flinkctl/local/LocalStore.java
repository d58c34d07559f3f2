package dev.flinkctl.local;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterSpec;
import dev.flinkctl.api.FlinkClusterStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The local equivalent of the API server: desired FlinkClusters and their status, on disk.
 * Writers of one cluster take its lock, so a detached supervisor and a CLI command never
 * interleave a read-modify-write.
 */
public final class LocalStore {
  private final LocalLayout layout;

  public LocalStore(LocalLayout layout) {
    this.layout = layout;
  }

  public LocalLayout layout() {
    return layout;
  }

  /** Stores the desired cluster; the generation moves on only when the spec changed, as on Kubernetes. */
  public FlinkCluster apply(FlinkCluster desired) {
    String name = desired.getMetadata().getName();
    return locked(name, () -> {
      Optional<FlinkCluster> current = cluster(name);
      long generation = current.map(c -> Objects.requireNonNullElse(c.getMetadata().getGeneration(), 1L)).orElse(0L);
      boolean changed = current.isEmpty() || !Objects.equals(current.get().getSpec(), desired.getSpec());
      desired.getMetadata().setGeneration(changed ? generation + 1 : generation);
      desired.setStatus(null);
      Yaml.write(layout.spec(name), desired);
      return desired;
    });
  }

  public Optional<FlinkCluster> cluster(String name) {
    return Yaml.read(layout.spec(name), FlinkCluster.class);
  }

  /** Changes the stored spec in place (flinkctl savepoint, scale): same as a kubectl patch. */
  public FlinkCluster patch(String name, java.util.function.UnaryOperator<FlinkClusterSpec> change) {
    return locked(name, () -> {
      FlinkCluster c = cluster(name).orElseThrow(() -> new IllegalArgumentException("no cluster " + name));
      c.setSpec(change.apply(c.getSpec()));
      c.getMetadata().setGeneration(Objects.requireNonNullElse(c.getMetadata().getGeneration(), 0L) + 1);
      Yaml.write(layout.spec(name), c);
      return c;
    });
  }

  public Optional<FlinkClusterStatus> status(String name) {
    return Yaml.read(layout.status(name), FlinkClusterStatus.class);
  }

  public void writeStatus(String name, FlinkClusterStatus status) {
    locked(name, () -> {
      Yaml.write(layout.status(name), status);
      return null;
    });
  }

  public List<String> names() {
    if (!Files.isDirectory(layout.clusters())) {
      return List.of();
    }
    try (Stream<java.nio.file.Path> dirs = Files.list(layout.clusters())) {
      return dirs.filter(d -> Files.exists(d.resolve("cluster.yaml"))).map(d -> d.getFileName().toString())
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // A file lock guards against other processes; the monitor against threads of this one, which
  // a file lock would reject with OverlappingFileLockException.
  private synchronized <T> T locked(String name, Supplier<T> action) {
    try {
      Files.createDirectories(layout.cluster(name));
      try (FileChannel channel = FileChannel.open(layout.lock(name), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
        return action.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
