package dev.flinkctl.benchmarks;

import dev.flinkctl.local.process.FlinkDistribution;
import dev.flinkctl.local.process.FlinkVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Rescale downtime, in place (adaptive scheduler, resource requirements) against savepoint and
 * redeploy, measured at the sink of the same job, runs interleaved so machine noise hits both.
 *
 * <p>Arguments: {@code --job-jar JAR}, {@code --runs N} (default 5), {@code --report FILE}, {@code --keep}.
 */
public final class RescaleBenchmark {
  static final List<String> MODES = List.of("in-place", "savepoint");

  private RescaleBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path jobJar = Path.of("examples/streaming-job/target/streaming-job.jar").toAbsolutePath();
    int runs = 5;
    Path reportFile = null;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--job-jar" -> jobJar = Path.of(args[++i]).toAbsolutePath();
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--report" -> reportFile = Path.of(args[++i]).toAbsolutePath();
        case "--keep" -> keep = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path flinkCache = Path.of(System.getProperty("user.home"), ".flinkctl", "flink");
    System.setProperty("flinkctl.flink.bundle", flinkCache.toString());
    FlinkDistribution dist = FlinkDistribution.resolve(FlinkVersions.DEFAULT, flinkCache, System.err::println);
    List<RescaleRun.Result> results = new ArrayList<>();
    try (Cleanup cleanup = Cleanup.install(keep)) {
      for (int i = 1; i <= runs; i++) {
        for (String mode : i % 2 == 1 ? MODES : List.of(MODES.get(1), MODES.get(0))) {
          RescaleRun.Result r = new RescaleRun(jobJar, flinkCache, cleanup).run(mode);
          LocalUpBenchmark.log("run " + i + "/" + runs + " " + mode + ": downtime " + Stats.seconds(r.downtimeMs())
              + " s, rescale " + Stats.seconds(r.rescaleMs()) + " s (" + r.fromParallelism() + " → "
              + r.toParallelism() + ", " + r.method() + ")");
          results.add(r);
        }
      }
    }
    String report = markdown(results, runs, dist);
    System.out.println(report);
    if (reportFile != null) {
      Files.writeString(reportFile, report);
    }
  }

  static String markdown(List<RescaleRun.Result> results, int runs, FlinkDistribution dist) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "Measured %s: %d runs per mode, interleaved, Flink %s, %d CPUs.%n%n",
        Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", runs, dist.version(),
        Runtime.getRuntime().availableProcessors()));
    md.append("| measurement (seconds) | mode | min | median | max |\n|---|---|---:|---:|---:|\n");
    for (String mode : MODES) {
      row(md, "downtime at the sink (last record before → first after)", mode, results, RescaleRun.Result::downtimeMs);
    }
    for (String mode : MODES) {
      row(md, "rescale asked → status says done", mode, results, RescaleRun.Result::rescaleMs);
    }
    double inPlace = Stats.of(of(results, "in-place", RescaleRun.Result::downtimeMs)).median();
    double savepoint = Stats.of(of(results, "savepoint", RescaleRun.Result::downtimeMs)).median();
    md.append(String.format(Locale.ROOT, "%n**Median downtime savepoint ÷ in-place: %s** (target ≥ 5×).%n",
        Stats.ratio(savepoint / inPlace)));
    md.append("\nEvery run (seconds):\n\n| mode | downtime | rescale | parallelism | method |\n|---|---:|---:|---|---|\n");
    for (RescaleRun.Result r : results) {
      md.append("| ").append(r.mode()).append(" | ").append(Stats.seconds(r.downtimeMs())).append(" | ")
          .append(Stats.seconds(r.rescaleMs())).append(" | ").append(r.fromParallelism()).append(" → ")
          .append(r.toParallelism()).append(" | ").append(r.method()).append(" |\n");
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String label, String mode, List<RescaleRun.Result> results,
      ToDoubleFunction<RescaleRun.Result> f) {
    Stats s = Stats.of(of(results, mode, f));
    md.append("| ").append(label).append(" | ").append(mode).append(" | ").append(Stats.seconds(s.min()))
        .append(" | **").append(Stats.seconds(s.median())).append("** | ").append(Stats.seconds(s.max())).append(" |\n");
  }

  private static List<Double> of(List<RescaleRun.Result> results, String mode, ToDoubleFunction<RescaleRun.Result> f) {
    return results.stream().filter(r -> r.mode().equals(mode)).map(f::applyAsDouble).toList();
  }
}
