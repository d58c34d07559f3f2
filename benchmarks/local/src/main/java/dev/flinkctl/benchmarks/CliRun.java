package dev.flinkctl.benchmarks;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.local.LocalLayout;
import dev.flinkctl.local.LocalPlatform;
import dev.flinkctl.local.LocalStore;
import dev.flinkctl.model.ClusterResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real command: {@code java -jar cli/target/flinkctl.jar up -d -f SPEC} with a fresh
 * FLINKCTL_HOME, timed to its exit, then {@code down}. While it runs, the FLINKCTL_HOME and Flink's
 * REST API are watched, so the report can say which process spends the time.
 */
final class CliRun {
  static final String SPEC_STORED = "spec stored (CLI JVM up, spec validated)";
  static final String SUPERVISOR_SPAWNED = "background supervisor spawned";
  static final String FIRST_STEP = "supervisor's first step (status written)";
  static final String STATUS_RUNNING = "status Running, job RUNNING";
  static final String UP_RETURNED = "`up -d` returned";
  static final long TIMEOUT_MS = 6 * 60_000;

  record Result(Timeline up, long versionMs, long downMs, int retries, List<String> disturbances) {}

  private final Path cliJar;
  private final Path jobJar;
  private final Path flinkCache;
  private final Cleanup cleanup;
  private FlinkProbe probe;
  private int probePort;

  CliRun(Path cliJar, Path jobJar, Path flinkCache, Cleanup cleanup) {
    this.cliJar = cliJar;
    this.jobJar = jobJar;
    this.flinkCache = flinkCache;
    this.cleanup = cleanup;
  }

  Result run() throws IOException {
    Path dir = cleanup.tempDir("cli-");
    Path home = Files.createDirectories(dir.resolve("home"));
    LocalLayout layout = new LocalLayout(home, flinkCache);
    cleanup.trackHome(layout);
    Path spec = Files.writeString(dir.resolve("bench.yaml"),
        BenchCluster.yaml(jobJar, dir.resolve("output"), "running"));

    Timeline version = new Timeline();
    flinkctl(layout, dir, version, false, "version");
    long versionMs = version.elapsedMs();
    Timeline up = new Timeline();
    flinkctl(layout, dir, up, true, "up", "-d", "-f", spec.toString());
    up.mark(UP_RETURNED);
    int retries = FlinkLogs.registrationRetries(FlinkLogs.taskManagerLog(layout.logs(BenchCluster.NAME)));
    List<String> disturbances = Disturbances.ofLogFile(layout.supervisorLog(BenchCluster.NAME),
        layout.logs(BenchCluster.NAME));
    Timeline down = new Timeline();
    flinkctl(layout, dir, down, false, "down", BenchCluster.NAME);
    long downMs = down.elapsedMs();
    cleanup.stopAll();
    return new Result(up, versionMs, downMs, retries, disturbances);
  }

  /** Runs flinkctl to its end with FLINKCTL_HOME set; with {@code watching}, marks its progress in {@code t}. */
  private void flinkctl(LocalLayout layout, Path dir, Timeline t, boolean watching, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", cliJar.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("flinkctl-" + args[0] + ".out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    builder.environment().put("FLINKCTL_HOME", layout.root().toString());
    // The same Flink jars as the floor and the in-process up, not a fresh download per home.
    builder.environment().put("FLINKCTL_FLINK_BUNDLE", flinkCache.toString());
    try {
      Process p = builder.start();
      while (!p.waitFor(watching ? Pause.POLL.toMillis() : TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        if (t.elapsedMs() > TIMEOUT_MS) {
          p.destroyForcibly();
          throw new IllegalStateException("flinkctl " + String.join(" ", args) + " did not finish; see " + out);
        }
        watch(layout, t);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("flinkctl " + String.join(" ", args) + " exited with " + p.exitValue()
            + ":\n" + Files.readString(out));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void watch(LocalLayout layout, Timeline t) {
    String name = BenchCluster.NAME;
    markIfExists(t, SPEC_STORED, layout.spec(name));
    t.markProcessStart(SUPERVISOR_SPAWNED, layout.supervisorPid(name));
    markIfExists(t, FIRST_STEP, layout.status(name));
    t.markProcessStart(FloorRun.JM_SPAWNED, layout.logs(name).resolve("jobmanager-0.pid"));
    t.markProcessStart(FloorRun.TM_SPAWNED, layout.logs(name).resolve("taskmanager-0.pid"));
    if (!t.has(FIRST_STEP)) {
      return;
    }
    LocalStore store = new LocalStore(layout);
    Optional<FlinkClusterStatus> status = store.status(name);
    status.filter(s -> UpRun.running(s, 0)).ifPresent(s -> t.mark(STATUS_RUNNING));
    var cluster = ClusterResolver.resolve(store.cluster(name).orElseThrow()).cluster();
    new LocalPlatform(layout, line -> { }).restUrl(cluster).map(url -> URI.create(url).getPort()).ifPresent(port -> {
      if (probe == null || port != probePort) {
        probe = new FlinkProbe(port);
        probePort = port;
      }
      probe.job(t, status.map(FlinkClusterStatus::job).map(JobStatus::id).orElse(null));
    });
  }

  private static void markIfExists(Timeline t, String event, Path file) {
    if (Files.exists(file)) {
      t.mark(event);
    }
  }
}
