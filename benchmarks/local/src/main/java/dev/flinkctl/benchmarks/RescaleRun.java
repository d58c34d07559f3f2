package dev.flinkctl.benchmarks;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.local.LocalLayout;
import dev.flinkctl.local.LocalPlatform;
import dev.flinkctl.local.LocalStore;
import dev.flinkctl.local.Supervisor;
import dev.flinkctl.model.ClusterResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One rescale of a running job from 1 to 2 TaskManagers (parallelism 2 → 4) in one rescale mode,
 * through the shared control loop as `flinkctl scale` drives it. The downtime is read off the
 * sink: the job stamps each record with the time it was counted, and the longest gap between
 * committed records around the rescale is the time no record got through.
 */
final class RescaleRun {
  static final Duration TIMEOUT = Duration.ofMinutes(4);
  static final String NAME = "rescale-bench";

  /** @param downtimeMs last record before → first record after, at the sink; {@code rescaleMs} asked → status done */
  record Result(String mode, long downtimeMs, long rescaleMs, int fromParallelism, int toParallelism, String method) {}

  private final Path jobJar;
  private final Path flinkCache;
  private final Cleanup cleanup;
  private final List<String> log = new ArrayList<>();

  RescaleRun(Path jobJar, Path flinkCache, Cleanup cleanup) {
    this.jobJar = jobJar;
    this.flinkCache = flinkCache;
    this.cleanup = cleanup;
  }

  Result run(String mode) {
    Path dir = cleanup.tempDir("rescale-" + mode + "-");
    Path output = dir.resolve("output");
    // Fixed before the job creates the directory: Path.toUri() appends a slash to an existing one,
    // and a changed job argument would make the second apply an upgrade, not a rescale.
    String outputUri = output.toUri().toString();
    LocalLayout layout = new LocalLayout(dir.resolve("home"), flinkCache);
    cleanup.trackHome(layout);
    LocalStore store = new LocalStore(layout);
    Supervisor supervisor = new Supervisor(store, new LocalPlatform(layout, log::add), Clock.systemUTC(), log::add);
    store.apply(BenchCluster.parse(yaml(mode, 1, outputUri)));
    until(supervisor, s -> running(s) && checkpoints(s) >= 3);

    Instant asked = Instant.now();
    store.apply(BenchCluster.parse(yaml(mode, 2, outputUri)));
    FlinkClusterStatus done = until(supervisor, s -> running(s) && s.rescale() != null
        && !s.rescale().inProgress() && !Instant.parse(s.rescale().startedAt()).isBefore(asked.minusSeconds(1)));
    Instant finished = Instant.now();
    long after = checkpoints(done);
    // Records are committed by checkpoints: wait for a few, so the first records after the rescale are in.
    until(supervisor, s -> checkpoints(s) >= after + 3);
    supervisor.platform().tearDown(ClusterResolver.resolve(store.cluster(NAME).orElseThrow())
        .orThrow());

    long downtime = SinkGaps.longestGap(output, asked.minusSeconds(2), finished.plusSeconds(10));
    RescaleStatus r = done.rescale();
    return new Result(mode, downtime, Duration.between(asked, finished).toMillis(), r.fromParallelism(),
        r.toParallelism(), r.method());
  }

  private String yaml(String mode, int replicas, String output) {
    return """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: %s}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: %d, slots: 2, resources: {memory: 1024m, cpu: 2}}
          flinkConfiguration:
            execution.checkpointing.interval: 1s
          job:
            jarURI: %s
            entryClass: dev.flinkctl.examples.CountingJob
            args: [--output, %s, --rate, "500", --keys, "8", --stamp, "true"]
            rescaleMode: %s
        """.formatted(NAME, replicas, jobJar.toUri(), output, mode);
  }

  private FlinkClusterStatus until(Supervisor supervisor, Predicate<FlinkClusterStatus> done) {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      FlinkClusterStatus s = supervisor.step(NAME).status();
      if (done.test(s)) {
        return s;
      }
      Pause.briefly();
    }
    throw new IllegalStateException("timed out; log: " + log);
  }

  private static boolean running(FlinkClusterStatus s) {
    return s.phase() == Phase.Running && s.job() != null && "RUNNING".equals(s.job().state());
  }

  private static long checkpoints(FlinkClusterStatus s) {
    return s.job() == null || s.job().lastCheckpoint() == null || s.job().lastCheckpoint().id() == null ? 0
        : s.job().lastCheckpoint().id();
  }
}
