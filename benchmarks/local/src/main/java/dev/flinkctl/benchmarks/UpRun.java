package dev.flinkctl.benchmarks;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.Action;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.local.LocalLayout;
import dev.flinkctl.local.LocalPlatform;
import dev.flinkctl.local.LocalStore;
import dev.flinkctl.local.Supervisor;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.ResolvedCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The `up` path in this JVM: store.apply, then the Supervisor stepped in a tight loop, exactly what
 * `flinkctl up` runs, minus its polling intervals. Then the savepoint cycle on the same cluster:
 * job.state suspended (stop-with-savepoint, teardown), and running again (restore).
 */
final class UpRun {
  static final String DEPLOY_DONE = "deploy step returned (JVMs spawned)";
  static final String DEPLOY_STEP = "deploy step (config, BashJavaUtils ×2, spawn)";
  static final String STATUS_RUNNING = "status Running, job RUNNING";
  static final String STOP_SENT = "stop-with-savepoint sent";
  static final String SAVEPOINT_DONE = "savepoint seen complete";
  static final String TEARDOWN_STEP = "teardown step (SIGTERM, wait for exit)";
  static final String SUSPENDED = "status Suspended, processes gone";
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  /**
   * @param upRetries, resumeRetries the TaskManager's registration retries (see {@link FlinkLogs})
   * @param disturbances restarted processes: another cluster took a port (see {@link Disturbances})
   */
  record Result(Timeline up, Timeline suspend, Timeline resume, int upRetries, int resumeRetries,
      List<String> disturbances) {}

  private final Path jobJar;
  private final Path flinkCache;
  private final Cleanup cleanup;
  private final List<String> log = new ArrayList<>();

  UpRun(Path jobJar, Path flinkCache, Cleanup cleanup) {
    this.jobJar = jobJar;
    this.flinkCache = flinkCache;
    this.cleanup = cleanup;
  }

  Result run() {
    Path dir = cleanup.tempDir("up-");
    Path output = dir.resolve("output");
    LocalLayout layout = new LocalLayout(dir.resolve("home"), flinkCache);
    cleanup.trackHome(layout);
    LocalStore store = new LocalStore(layout);
    Supervisor supervisor = new Supervisor(store, new LocalPlatform(layout, log::add), Clock.systemUTC(), log::add);
    Loop loop = new Loop(store, supervisor);

    Timeline up = new Timeline();
    store.apply(BenchCluster.parse(BenchCluster.yaml(jobJar, output, "running")));
    loop.until(up, s -> running(s, 0), true);
    up.mark(STATUS_RUNNING);
    loop.probeUntil(up, FlinkProbe.TASKS_RUNNING);
    Path tmLog = FlinkLogs.taskManagerLog(layout.logs(BenchCluster.NAME));
    int upRetries = FlinkLogs.registrationRetries(tmLog);

    // Not timed: a completed checkpoint first, so the savepoint carries state as a real job's would.
    loop.until(new Timeline(), s -> s.job() != null && s.job().lastCheckpoint() != null, false);

    Timeline suspend = new Timeline();
    store.apply(BenchCluster.parse(BenchCluster.yaml(jobJar, output, "suspended")));
    loop.until(suspend, s -> s.phase() == Phase.Suspended, false);
    suspend.mark(SUSPENDED);

    // Counted from here: the TaskManager also logs retries while it outlives the JobManager above.
    int beforeResume = FlinkLogs.registrationRetries(tmLog);
    Timeline resume = new Timeline();
    store.apply(BenchCluster.parse(BenchCluster.yaml(jobJar, output, "running")));
    loop.until(resume, s -> running(s, 1), true);
    resume.mark(STATUS_RUNNING);
    loop.probeUntil(resume, FlinkProbe.TASKS_RUNNING);

    int resumeRetries = FlinkLogs.registrationRetries(tmLog) - beforeResume;
    List<String> disturbances = Disturbances.of(log, layout.logs(BenchCluster.NAME));
    cleanup.stopAll();
    return new Result(up, suspend, resume, upRetries, resumeRetries, disturbances);
  }

  static boolean running(FlinkClusterStatus s, long run) {
    return s.phase() == Phase.Running && s.job() != null && "RUNNING".equals(s.job().state())
        && Objects.requireNonNullElse(s.reconciliationOrEmpty().run(), 0L) == run;
  }

  /** Steps the control loop, probing Flink between steps, and marks what each step did. */
  private final class Loop {
    private final LocalStore store;
    private final Supervisor supervisor;
    private FlinkProbe probe;
    private int probePort;

    Loop(LocalStore store, Supervisor supervisor) {
      this.store = store;
      this.supervisor = supervisor;
    }

    void until(Timeline t, Predicate<FlinkClusterStatus> done, boolean probing) {
      while (t.elapsedMs() < TIMEOUT.toMillis()) {
        long before = t.elapsedMs();
        Reconciler.Step step = supervisor.step(BenchCluster.NAME);
        long took = t.elapsedMs() - before;
        if (step.action() instanceof Action.Deploy) {
          t.mark(DEPLOY_DONE);
          t.duration(DEPLOY_STEP, took);
          Path logs = store.layout().logs(BenchCluster.NAME);
          t.markProcessStart(FloorRun.JM_SPAWNED, logs.resolve("jobmanager-0.pid"));
          t.markProcessStart(FloorRun.TM_SPAWNED, logs.resolve("taskmanager-0.pid"));
        } else if (step.action() instanceof Action.StopWithSavepoint) {
          t.mark(STOP_SENT);
        } else if (step.action() instanceof Action.TearDown) {
          t.mark(SAVEPOINT_DONE, before); // this step observed the finished savepoint, then tore down
          t.duration(TEARDOWN_STEP, took);
        }
        if (probing) {
          probe(t, step.status());
        }
        if (done.test(step.status())) {
          return;
        }
        Pause.sleep(step.next().compareTo(Pause.POLL) < 0 ? step.next() : Pause.POLL);
      }
      throw new IllegalStateException("timed out; last status: " + store.status(BenchCluster.NAME).orElse(null)
          + "\nlast log lines: " + log.subList(Math.max(0, log.size() - 10), log.size()));
    }

    void probeUntil(Timeline t, String event) {
      while (!t.has(event)) {
        if (t.elapsedMs() > TIMEOUT.toMillis()) {
          throw new IllegalStateException("timed out waiting for " + event);
        }
        probe(t, store.status(BenchCluster.NAME).orElseThrow());
        Pause.briefly();
      }
    }

    private void probe(Timeline t, FlinkClusterStatus status) {
      ResolvedCluster cluster = ClusterResolver.resolve(store.cluster(BenchCluster.NAME).orElseThrow()).cluster();
      supervisor.platform().restUrl(cluster).map(url -> URI.create(url).getPort()).ifPresent(port -> {
        if (probe == null || port != probePort) {
          probe = new FlinkProbe(port);
          probePort = port;
        }
        probe.job(t, status.job() == null ? null : status.job().id());
      });
    }
  }
}
