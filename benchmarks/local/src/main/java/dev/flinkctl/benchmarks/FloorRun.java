package dev.flinkctl.benchmarks;

import dev.flinkctl.local.process.Entrypoints;
import dev.flinkctl.local.process.FlinkDistribution;
import dev.flinkctl.local.process.FlinkProcess;
import dev.flinkctl.local.process.FreePorts;
import dev.flinkctl.local.process.LaunchSpec;
import dev.flinkctl.local.process.ResourceParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The floor: one session JobManager and one TaskManager JVM, started as flinkctl starts them, timed
 * until the TaskManager is registered. Flink's memory options (BashJavaUtils) are computed before
 * the clock starts and timed on their own: FlinkProcess caches them per configuration, so the
 * timed starts only spawn the JVMs.
 */
final class FloorRun {
  static final String JM_SPAWNED = "JobManager spawned";
  static final String TM_SPAWNED = "TaskManager spawned";
  static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** @param tmRetried the TaskManager waited out Flink's 10 s registration retry (see {@link FlinkLogs}) */
  record Result(long bashJavaUtilsJmMs, long bashJavaUtilsTmMs, long readyMs, Timeline timeline, boolean tmRetried) {
    long withBashJavaUtilsMs() {
      return bashJavaUtilsJmMs + bashJavaUtilsTmMs + readyMs;
    }
  }

  private final FlinkDistribution dist;
  private final Cleanup cleanup;

  FloorRun(FlinkDistribution dist, Cleanup cleanup) {
    this.dist = dist;
    this.cleanup = cleanup;
  }

  Result run() {
    Path home = cleanup.tempDir("floor-");
    Path conf = home.resolve("conf");
    List<Integer> ports = FreePorts.pick(3);
    writeConfig(conf, ports.get(0), ports.get(1), ports.get(2));

    long jmParams = timeMs(() -> ResourceParams.forJobManager(dist, conf));
    long tmParams = timeMs(() -> ResourceParams.forTaskManager(dist, conf));

    Timeline t = new Timeline();
    FlinkProcess jm = start(home, "jobmanager-0", Entrypoints.SESSION_JOBMANAGER, Entrypoints.sessionJobManager(conf));
    t.mark(JM_SPAWNED);
    FlinkProcess tm = start(home, "taskmanager-0", Entrypoints.TASKMANAGER, Entrypoints.taskManager(conf));
    t.mark(TM_SPAWNED);
    FlinkProbe probe = new FlinkProbe(ports.get(0));
    while (!t.has(FlinkProbe.TM_REGISTERED)) {
      for (FlinkProcess p : List.of(jm, tm)) {
        if (!p.isAlive()) {
          throw new IllegalStateException("floor: " + p + " exited:\n" + p.tailLog(40));
        }
      }
      if (t.elapsedMs() > TIMEOUT.toMillis()) {
        throw new IllegalStateException("floor: no TaskManager registered within " + TIMEOUT);
      }
      probe.cluster(t);
      Pause.briefly();
    }
    cleanup.stopAll();
    boolean retried = FlinkLogs.registrationRetries(FlinkLogs.taskManagerLog(home.resolve("log"))) > 0;
    return new Result(jmParams, tmParams, t.get(FlinkProbe.TM_REGISTERED).orElseThrow(), t, retried);
  }

  private FlinkProcess start(Path home, String role, String mainClass, List<String> args) {
    return cleanup.track(FlinkProcess.start(new LaunchSpec(role, dist, home, mainClass, args, List.of(),
        LaunchSpec.defaultLogFile(home, role))));
  }

  /** The settings a local up also gets: loopback addresses, free ports, the spec's memory and slots. */
  private static void writeConfig(Path conf, int rest, int rpc, int blob) {
    String yaml = """
        jobmanager.rpc.address: 127.0.0.1
        jobmanager.bind-host: 127.0.0.1
        jobmanager.rpc.port: %d
        rest.address: 127.0.0.1
        rest.bind-address: 127.0.0.1
        rest.port: %d
        blob.server.port: %d
        taskmanager.host: 127.0.0.1
        taskmanager.bind-host: 127.0.0.1
        taskmanager.rpc.port: 0
        jobmanager.memory.process.size: 1024m
        taskmanager.memory.process.size: 1280m
        taskmanager.numberOfTaskSlots: 2
        """.formatted(rpc, rest, blob);
    try {
      Files.createDirectories(conf);
      Files.writeString(conf.resolve("config.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long timeMs(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
