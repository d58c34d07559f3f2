package dev.flinkctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.AutoscalerStatus;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.examples.VerifyKafkaOutput;
import dev.flinkctl.local.kafka.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in autoscaler on a real KRaft broker and real Flink: a burst of records makes lag grow
 * and the autoscaler scale up (lag ÷ lagThreshold, capped at the 4 partitions); once the backlog
 * is worked off it scales down after its stabilization window, possibly in several steps but never
 * back up; a steady light load then causes no action at all. Every record is counted exactly once
 * across the rescales. Windows are short through spec.autoscaler, as a user could set them.
 */
class KafkaAutoscalerTest {
  static final Duration UP = Duration.ofSeconds(120);
  static final String NAME = "autoscaled";
  static final String TOPIC = "events";
  static final String GROUP = "flink-group";

  static String spec(Path out, String bootstrap) {
    return """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: %s}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: 1, slots: 1, resources: {memory: 1024m, cpu: 1}}
          flinkConfiguration:
            execution.checkpointing.interval: 1s
          job:
            jarURI: %s
            entryClass: dev.flinkctl.examples.CountingJob
            args: [--kafka-bootstrap, "%s", --topic, %s, --group, %s, --work-micros, "1500", --output, %s]
          autoscaler:
            maxReplicas: 4
            lagThreshold: 500
            kafka: {bootstrapServers: "%s", topic: %s, consumerGroup: %s}
            metricsInterval: 2s
            scaleUpStabilization: 6s
            scaleDownStabilization: 20s
            cooldown: 30s
        """.formatted(NAME, LocalClusters.JOB_JAR.toUri(), bootstrap, TOPIC, GROUP, out.toUri(), bootstrap, TOPIC, GROUP);
  }

  @Test
  void scalesUpOnLagDownWhenDrainedAndHoldsUnderSteadyLoad(@TempDir Path home, @TempDir Path out,
      @TempDir Path kafka) {
    LocalClusters.assertJarBuilt();
    try (KafkaBroker broker = KafkaBroker.start(kafka); LocalClusters local = new LocalClusters(home)) {
      broker.createTopic(TOPIC, 4);
      local.apply(spec(out, broker.bootstrap()));
      local.awaitStatus(NAME, UP, st -> running(st) && st.job().lastCheckpoint() != null);
      List<AutoscalerStatus> decisions = new ArrayList<>();

      broker.produce(TOPIC, 30_000, 8);
      Instant burst = Instant.now();
      FlinkClusterStatus up = await(local, decisions, Duration.ofMinutes(3),
          st -> replicas(local) > 1 && st.rescale() != null && st.rescale().toReplicas() > 1
              && !st.rescale().inProgress() && running(st));
      Duration toScaledUp = Duration.between(burst, Instant.now());
      AutoscalerStatus first = decisions.get(0);
      assertThat(first.fromReplicas()).isEqualTo(1);
      assertThat(first.toReplicas()).isBetween(2, 4);
      assertThat(first.lag()).as("the lag it saw").isGreaterThan(500L);
      assertThat(first.partitions()).isEqualTo(4);
      assertThat(first.reason()).contains("lagThreshold 500");
      assertThat(up.rescale().method()).isEqualTo("in-place");
      assertThat(up.rescale().toParallelism()).isEqualTo(first.toReplicas());

      FlinkClusterStatus down = await(local, decisions, Duration.ofMinutes(5),
          st -> replicas(local) == 1 && st.rescale() != null && st.rescale().toReplicas() == 1
              && !st.rescale().inProgress() && running(st));
      AutoscalerStatus last = decisions.get(decisions.size() - 1);
      assertThat(last.toReplicas()).isEqualTo(1);
      assertThat(Instant.parse(last.time())).as("not before the scale-down window after the drain")
          .isAfter(burst.plus(Duration.ofSeconds(20)));
      // Scaling down may take several steps (each sized from the busy time at the current
      // parallelism); flapping would be a step up after a step down, or steps closer than the
      // cooldown.
      for (int i = 1; i < decisions.size(); i++) {
        AutoscalerStatus previous = decisions.get(i - 1);
        AutoscalerStatus next = decisions.get(i);
        assertThat(next.toReplicas()).as("only down after the first step up: %s", decisions)
            .isLessThan(next.fromReplicas());
        assertThat(next.fromReplicas()).as("each step starts where the last one ended").isEqualTo(previous.toReplicas());
        assertThat(Duration.between(Instant.parse(previous.time()), Instant.parse(next.time())))
            .as("steps at least the 30 s cooldown apart").isGreaterThanOrEqualTo(Duration.ofSeconds(30));
      }
      assertThat(down.rescale().toParallelism()).isEqualTo(1);

      int before = decisions.size();
      Instant steadyUntil = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(steadyUntil)) {
        broker.produce(TOPIC, 50, 8);
        stepFor(local, decisions, Duration.ofSeconds(1));
      }
      assertThat(decisions).as("a steady light load changes nothing").hasSize(before);

      Map<String, Long> produced = broker.produced(TOPIC);
      local.awaitStatus(NAME, UP, st -> broker.lag(GROUP, TOPIC) == 0);
      VerifyKafkaOutput.Report report = awaitVerified(out, produced);
      assertThat(report.ok()).as(report.toString()).isTrue();
      System.out.printf("autoscaler: lag step -> scaled up in %d s; decisions %s%n", toScaledUp.toSeconds(), decisions);
    }
  }

  static boolean running(FlinkClusterStatus s) {
    return s.phase() == Phase.Running && s.job() != null && "RUNNING".equals(s.job().state());
  }

  static int replicas(LocalClusters local) {
    return local.store.cluster(NAME).orElseThrow().getSpec().taskManager().replicas();
  }

  /** Steps the loop, collecting each new autoscaler decision, until {@code done}. */
  static FlinkClusterStatus await(LocalClusters local, List<AutoscalerStatus> decisions, Duration timeout,
      java.util.function.Predicate<FlinkClusterStatus> done) {
    return local.awaitStatus(NAME, timeout, st -> {
      collect(decisions, st);
      return done.test(st);
    });
  }

  static void stepFor(LocalClusters local, List<AutoscalerStatus> decisions, Duration d) {
    Instant until = Instant.now().plus(d);
    while (Instant.now().isBefore(until)) {
      collect(decisions, local.supervisor.step(NAME).status());
      LocalClusters.sleep(Duration.ofMillis(250));
    }
  }

  static void collect(List<AutoscalerStatus> decisions, FlinkClusterStatus st) {
    AutoscalerStatus a = st.autoscaler();
    if (a != null && (decisions.isEmpty() || !Objects.equals(decisions.get(decisions.size() - 1), a))) {
      decisions.add(a);
    }
  }

  static VerifyKafkaOutput.Report awaitVerified(Path out, Map<String, Long> produced) {
    Instant deadline = Instant.now().plusSeconds(30);
    VerifyKafkaOutput.Report report = VerifyKafkaOutput.verify(out, produced);
    while (!report.ok() && Instant.now().isBefore(deadline)) {
      LocalClusters.sleep(Duration.ofMillis(500));
      report = VerifyKafkaOutput.verify(out, produced);
    }
    return report;
  }
}
