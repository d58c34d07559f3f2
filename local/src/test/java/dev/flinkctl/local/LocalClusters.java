package dev.flinkctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.Seeds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Drives real local clusters for end-to-end tests: a temporary FLINKCTL_HOME, the shared Flink jar cache. */
final class LocalClusters implements AutoCloseable {
  static final Path JOB_JAR = Seeds.root().resolve("examples/streaming-job/target/streaming-job.jar");

  final LocalStore store;
  final Supervisor supervisor;
  final List<String> log = new ArrayList<>();

  LocalClusters(Path home) {
    LocalLayout layout = new LocalLayout(home, Path.of(System.getProperty("user.home"), ".flinkctl", "flink"));
    store = new LocalStore(layout);
    supervisor = new Supervisor(store, new LocalPlatform(layout, log::add), Clock.systemUTC(), log::add);
  }

  FlinkCluster apply(String yaml) {
    return store.apply(Seeds.parse(yaml, "test"));
  }

  /** Steps the loop until the status satisfies {@code done}; fails with the last status otherwise. */
  FlinkClusterStatus awaitStatus(String name, Duration timeout, Predicate<FlinkClusterStatus> done) {
    Instant deadline = Instant.now().plus(timeout);
    FlinkClusterStatus last = null;
    while (Instant.now().isBefore(deadline)) {
      Reconciler.Step step = supervisor.step(name);
      last = step.status();
      if (done.test(last)) {
        return last;
      }
      sleep(step.next().compareTo(Duration.ofMillis(500)) > 0 ? Duration.ofMillis(500) : step.next());
    }
    throw new AssertionError("timed out; last status:\n" + Yaml.text(last) + "\nlog: " + log);
  }

  void tearDown(String name) {
    store.cluster(name).ifPresent(c -> {
      var resolved = ClusterResolver.resolve(c).cluster();
      if (resolved != null) {
        supervisor.platform().tearDown(resolved);
      }
    });
  }

  @Override
  public void close() {
    store.names().forEach(this::tearDown);
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void assertJarBuilt() {
    assertThat(JOB_JAR).as("the example job jar is built by the reactor before this module").exists();
  }
}
