package dev.flinkctl.benchmarks;

import dev.flinkctl.local.BackgroundSupervisor;
import dev.flinkctl.local.LocalLayout;
import dev.flinkctl.local.LocalPlatform;
import dev.flinkctl.local.LocalStore;
import dev.flinkctl.local.process.FlinkProcess;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.ResolvedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything the benchmark started: floor JVMs, local clusters (with their detached supervisors)
 * and temporary directories. Closed after every run and, through a shutdown hook, on Ctrl-C or a
 * crash too, so no Flink JVM outlives the benchmark.
 */
final class Cleanup implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(15);

  private final List<FlinkProcess> processes = new ArrayList<>();
  private final List<LocalLayout> homes = new ArrayList<>();
  private final List<Path> directories = new ArrayList<>();
  private final boolean keepFiles;

  private Cleanup(boolean keepFiles) {
    this.keepFiles = keepFiles;
  }

  static Cleanup install(boolean keepFiles) {
    Cleanup cleanup = new Cleanup(keepFiles);
    Runtime.getRuntime().addShutdownHook(new Thread(cleanup::close, "benchmark-cleanup"));
    return cleanup;
  }

  synchronized Path tempDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory("flinkctl-bench-" + prefix);
      directories.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized FlinkProcess track(FlinkProcess process) {
    processes.add(process);
    return process;
  }

  synchronized void trackHome(LocalLayout layout) {
    homes.add(layout);
  }

  /** Stops the floor JVMs and every cluster in the tracked homes; files stay until {@link #close}. */
  synchronized void stopAll() {
    processes.parallelStream().forEach(p -> p.stop(GRACE));
    processes.clear();
    homes.forEach(Cleanup::tearDownHome);
    homes.clear();
  }

  @Override
  public synchronized void close() {
    stopAll();
    if (!keepFiles) {
      directories.forEach(Cleanup::deleteRecursively);
      directories.clear();
    }
  }

  /** What `flinkctl down` does for each cluster of a FLINKCTL_HOME: the loop first, then the JVMs. */
  private static void tearDownHome(LocalLayout layout) {
    LocalStore store = new LocalStore(layout);
    for (String name : store.names()) {
      try {
        BackgroundSupervisor.stop(layout, name);
        ResolvedCluster cluster = ClusterResolver.resolve(store.cluster(name).orElseThrow()).cluster();
        if (cluster != null) {
          new LocalPlatform(layout, line -> { }).tearDown(cluster);
        }
      } catch (RuntimeException e) {
        System.err.println("cleanup of " + name + " in " + layout.root() + " failed: " + e);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
