package dev.flinkctl.local;

import dev.flinkctl.api.AutoscalerStatus;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.local.kafka.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time from a Kafka lag step to the final TaskManager count, with the autoscaler rescaling in
 * place and, as the baseline in the same run, by savepoint and redeploy. Not a test (surefire's
 * default includes skip the name); benchmarks/run-autoscale.sh runs it. It lives here because the
 * KRaft broker it needs is test code of this module.
 *
 * <p>Each run: a fresh cluster at 1 TaskManager reading an idle 4-partition topic, then 30,000
 * records at once. Measured from the last produced record: the autoscaler's decision, and the job
 * running at the decided parallelism (status.rescale done). Windows as in KafkaAutoscalerTest:
 * metricsInterval 2s, scaleUpStabilization 6s, so no decision can come sooner than about 6 s. The
 * step comes 35 s after the job runs, past its 30 s cooldown.
 */
class AutoscaleLagBenchmark {
  static final List<String> MODES = List.of("in-place", "savepoint");

  static final Duration SETTLE = Duration.ofSeconds(35);

  record Result(String mode, long decidedMs, long finalMs, int toReplicas, String method) {}

  @Test
  void lagStepToFinalReplicas(@TempDir Path kafka, @TempDir Path work) throws IOException {
    LocalClusters.assertJarBuilt();
    int runs = Integer.getInteger("autoscale.runs", 3);
    List<Result> results = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start(kafka)) {
      for (int i = 1; i <= runs; i++) {
        for (String mode : i % 2 == 1 ? MODES : List.of(MODES.get(1), MODES.get(0))) {
          Result r = run(broker, mode, i, work.resolve(mode + "-" + i));
          System.out.printf(Locale.ROOT, "[benchmark] run %d/%d %s: decided %.1f s, at %d TaskManagers %.1f s (%s)%n",
              i, runs, mode, r.decidedMs() / 1000.0, r.toReplicas(), r.finalMs() / 1000.0, r.method());
          results.add(r);
        }
      }
    }
    String report = report(results, runs);
    System.out.println(report);
    String file = System.getProperty("autoscale.report");
    if (file != null) {
      Files.writeString(Path.of(file), report);
    }
  }

  private static Result run(KafkaBroker broker, String mode, int run, Path dir) {
    String topic = "events-" + mode + "-" + run;
    String group = "group-" + mode + "-" + run;
    broker.createTopic(topic, 4);
    try (LocalClusters local = new LocalClusters(dir.resolve("home"))) {
      String spec = KafkaAutoscalerTest.spec(dir.resolve("out"), broker.bootstrap())
          .replace("topic: " + KafkaAutoscalerTest.TOPIC, "topic: " + topic)
          .replace("--topic, " + KafkaAutoscalerTest.TOPIC, "--topic, " + topic)
          .replace(KafkaAutoscalerTest.GROUP, group)
          .replace("  autoscaler:\n", "    rescaleMode: " + mode + "\n  autoscaler:\n");
      local.apply(spec);
      local.awaitStatus(KafkaAutoscalerTest.NAME, KafkaAutoscalerTest.UP,
          st -> KafkaAutoscalerTest.running(st) && st.job().lastCheckpoint() != null);
      List<AutoscalerStatus> decisions = new ArrayList<>();
      // A job that just started is in its cooldown (30 s here); the step comes after it, as a lag
      // step on a long-running job would.
      KafkaAutoscalerTest.stepFor(local, decisions, SETTLE);
      broker.produce(topic, 30_000, 8);
      Instant step = Instant.now();
      FlinkClusterStatus up = KafkaAutoscalerTest.await(local, decisions, Duration.ofMinutes(4),
          st -> st.autoscaler() != null && st.rescale() != null && !st.rescale().inProgress()
              && st.rescale().toReplicas().equals(st.autoscaler().toReplicas()) && KafkaAutoscalerTest.running(st));
      Instant done = Instant.now();
      AutoscalerStatus first = decisions.get(0);
      return new Result(mode, Duration.between(step, Instant.parse(first.time())).toMillis(),
          Duration.between(step, done).toMillis(), up.rescale().toReplicas(), up.rescale().method());
    }
  }

  private static String report(List<Result> results, int runs) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "Measured %s: %d runs per mode, interleaved, Flink 1.20, %d CPUs.%n%n",
        Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", runs,
        Runtime.getRuntime().availableProcessors()));
    md.append("| from the lag step (seconds) | mode | min | median | max |\n|---|---|---:|---:|---:|\n");
    for (String mode : MODES) {
      row(md, "autoscaler decides", mode, results.stream().filter(r -> r.mode().equals(mode))
          .mapToLong(Result::decidedMs).sorted().toArray());
    }
    for (String mode : MODES) {
      row(md, "job runs at the final TaskManager count", mode, results.stream().filter(r -> r.mode().equals(mode))
          .mapToLong(Result::finalMs).sorted().toArray());
    }
    md.append("\nEvery run:\n\n| mode | decided (s) | final (s) | TaskManagers | method |\n|---|---:|---:|---:|---|\n");
    for (Result r : results) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | 1 → %d | %s |%n", r.mode(), r.decidedMs() / 1000.0,
          r.finalMs() / 1000.0, r.toReplicas(), r.method()));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String label, String mode, long[] sorted) {
    md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | **%.1f** | %.1f |%n", label, mode, sorted[0] / 1000.0,
        median(sorted) / 1000.0, sorted[sorted.length - 1] / 1000.0));
  }

  private static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
