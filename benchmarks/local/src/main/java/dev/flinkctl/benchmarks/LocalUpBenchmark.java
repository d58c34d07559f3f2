package dev.flinkctl.benchmarks;

import dev.flinkctl.local.process.FlinkDistribution;
import dev.flinkctl.local.process.FlinkVersions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures on this machine how long `flinkctl up` takes to get a job RUNNING, against the floor of
 * starting one JobManager and one TaskManager JVM, and a savepoint → stop → restore cycle.
 * Floor, up and CLI runs are interleaved, so machine noise hits all of them alike.
 *
 * <p>Arguments: {@code --cli-jar JAR}, {@code --job-jar JAR} (default: cli/target/flinkctl.jar
 * and the example job in the current directory), {@code --runs N}, {@code --warmup N},
 * {@code --no-cli}, {@code --report FILE}, {@code --keep} (keep the temporary directories),
 * {@code --max-load L} (before each round, wait up to 10 minutes for the load average to drop below L).
 */
public final class LocalUpBenchmark {
  /** Rounds repeated at most because of disturbances, so a busy machine cannot keep it going forever. */
  static final int MAX_REPEATS = 10;

  private LocalUpBenchmark() {}

  public static void main(String[] args) throws IOException {
    Options o = Options.parse(args);
    for (Path jar : o.cli ? List.of(o.jobJar, o.cliJar) : List.of(o.jobJar)) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing; build the project first (run-local-up.sh does)");
      }
    }
    Path flinkCache = Path.of(System.getProperty("user.home"), ".flinkctl", "flink");
    // The cache first, also for the jars found next to a checkout (flink-bundle/target): a
    // concurrent build may rebuild those under running Flink JVMs. CliRun passes the same on.
    System.setProperty("flinkctl.flink.bundle", flinkCache.toString());
    FlinkDistribution dist = FlinkDistribution.resolve(FlinkVersions.DEFAULT, flinkCache, System.err::println);
    log("Flink jars: " + dist);

    List<Report.Round> rounds = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    try (Cleanup cleanup = Cleanup.install(o.keep)) {
      Rounds runner = new Rounds(o, dist, flinkCache, cleanup);
      for (int i = 1 - o.warmup; i <= o.runs; i++) {
        Report.Round round = runner.run(i <= 0 ? "warm-up" : "run " + i + "/" + o.runs);
        List<String> disturbances = round.disturbances();
        if (!disturbances.isEmpty() && repeated.size() < MAX_REPEATS) {
          log("repeating the round: a process had to be restarted: " + disturbances);
          repeated.add(String.join("; ", disturbances));
          i--;
        } else if (i > 0) {
          rounds.add(round);
        }
      }
    }
    String report = machine(dist, o) + "\n" + new Report(rounds, repeated).markdown();
    System.out.println(report);
    if (o.report != null) {
      Files.writeString(o.report, report);
      log("report written to " + o.report);
    }
  }

  /** One interleaved round: floor, then up with its savepoint cycle, then the CLI. */
  private record Rounds(Options o, FlinkDistribution dist, Path flinkCache, Cleanup cleanup) {
    Report.Round run(String label) throws IOException {
      double load = awaitQuiet(o.maxLoad);
      log(label + ": load average " + String.format(Locale.ROOT, "%.1f", load));
      FloorRun.Result floor = new FloorRun(dist, cleanup).run();
      log(label + ": floor " + Stats.seconds(floor.readyMs()) + " s (+ BashJavaUtils "
          + Stats.seconds(floor.bashJavaUtilsJmMs() + floor.bashJavaUtilsTmMs()) + " s)");
      UpRun.Result up = new UpRun(o.jobJar, flinkCache, cleanup).run();
      log(label + ": up → RUNNING " + Stats.seconds(up.up().get(UpRun.STATUS_RUNNING).orElseThrow())
          + " s, suspend " + Stats.seconds(up.suspend().get(UpRun.SUSPENDED).orElseThrow())
          + " s, resume " + Stats.seconds(up.resume().get(UpRun.STATUS_RUNNING).orElseThrow()) + " s");
      CliRun.Result cli = o.cli ? new CliRun(o.cliJar, o.jobJar, flinkCache, cleanup).run() : null;
      if (cli != null) {
        log(label + ": flinkctl up -d " + Stats.seconds(cli.up().get(CliRun.UP_RETURNED).orElseThrow()) + " s");
      }
      return new Report.Round(load, floor, up, cli);
    }
  }

  /**
   * Waits up to ten minutes for the 1-minute load average to drop below {@code maxLoad} (other
   * builds on a shared machine); returns the load the round starts with.
   */
  private static double awaitQuiet(double maxLoad) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    while (load >= maxLoad && System.nanoTime() < deadline) {
      log(String.format(Locale.ROOT, "load average %.1f ≥ %.1f; waiting for a quieter machine", load, maxLoad));
      Pause.sleep(java.time.Duration.ofSeconds(15));
      load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
    return load;
  }

  private static String machine(FlinkDistribution dist, Options o) {
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return String.format(Locale.ROOT, """
        Measured %s: %d runs after %d warm-up, Flink %s, %d CPUs, %.1f GiB memory, %s %s, Java %s (%s).
        """, Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", o.runs, o.warmup, dist.version(),
        Runtime.getRuntime().availableProcessors(), memory / (1024.0 * 1024 * 1024), System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"));
  }

  static void log(String line) {
    System.err.println("[benchmark] " + line);
  }

  private record Options(Path cliJar, Path jobJar, int runs, int warmup, boolean cli, Path report, boolean keep,
      double maxLoad) {
    static Options parse(String[] args) {
      Path cliJar = Path.of("cli/target/flinkctl.jar").toAbsolutePath();
      Path jobJar = Path.of("examples/streaming-job/target/streaming-job.jar").toAbsolutePath();
      int runs = 5;
      int warmup = 1;
      boolean cli = true;
      Path report = null;
      boolean keep = false;
      double maxLoad = Double.MAX_VALUE;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--cli-jar" -> cliJar = Path.of(args[++i]).toAbsolutePath();
          case "--job-jar" -> jobJar = Path.of(args[++i]).toAbsolutePath();
          case "--runs" -> runs = Integer.parseInt(args[++i]);
          case "--warmup" -> warmup = Integer.parseInt(args[++i]);
          case "--no-cli" -> cli = false;
          case "--report" -> report = Path.of(args[++i]).toAbsolutePath();
          case "--keep" -> keep = true;
          case "--max-load" -> maxLoad = Double.parseDouble(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (runs < 1 || warmup < 0) {
        throw new IllegalArgumentException("--runs must be at least 1 and --warmup at least 0");
      }
      return new Options(cliJar, jobJar, runs, warmup, cli, report, keep, maxLoad);
    }
  }
}
