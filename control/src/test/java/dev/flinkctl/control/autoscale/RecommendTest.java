package dev.flinkctl.control.autoscale;

import static dev.flinkctl.control.autoscale.Samples.POLICY;
import static dev.flinkctl.control.autoscale.Samples.backpressured;
import static dev.flinkctl.control.autoscale.Samples.busy;
import static dev.flinkctl.control.autoscale.Samples.lag;
import static dev.flinkctl.control.autoscale.Samples.nothingYet;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Autoscaler.recommend: what one sample asks for, and the words that say why. */
class RecommendTest {
  private static final AutoscalerPolicy NO_LAG = policy(1, 10, null);

  private static AutoscalerPolicy policy(int min, int max, Long lagThreshold) {
    return new AutoscalerPolicy(min, max, 0.7, 0.5, lagThreshold, Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(5), Duration.ofMinutes(1));
  }

  @Test
  void busyAboveTargetAsksForMoreParallelism() {
    Recommendation r = Autoscaler.recommend(POLICY, busy(0, 2, 0.92), 2, 128);

    // 2 × 0.92 / 0.7 = 2.63 → 3 subtasks → 2 TaskManagers of 2 slots.
    assertThat(r).isEqualTo(new Recommendation(true, 2, 3,
        "busy 92% at parallelism 2 > target 70% → parallelism 3 → 2 TaskManagers"));
  }

  @Test
  void busyAtTargetKeepsParallelismDespiteFloatingPoint() {
    Recommendation r = Autoscaler.recommend(NO_LAG, busy(0, 2, 0.7), 1, 128);

    assertThat(r.parallelism()).isEqualTo(2);
    assertThat(r.reason()).isEqualTo("busy 70% at parallelism 2 = target 70% → parallelism 2 → 2 TaskManagers");
  }

  @Test
  void reasonNamesTheBusiestVertex() {
    MetricSample s = new MetricSample(Samples.at(0), 2, 1, 0.92, 0.1, null, null, "KeyedProcess -> Sink: enriched",
        null);

    assertThat(Autoscaler.recommend(POLICY, s, 2, 128).reason())
        .startsWith("busy 92% in 'KeyedProcess -> Sink: enriched' at parallelism 2 > target 70%");
  }

  @Test
  void lagIsCappedAtThePartitionCount() {
    Recommendation r = Autoscaler.recommend(POLICY, lag(0, 2, 0.3, 12_000, 4), 2, 128);

    assertThat(r).isEqualTo(new Recommendation(true, 2, 4,
        "lag 12000 / lagThreshold 1000 = 12, capped at 4 partitions → parallelism 4 → 2 TaskManagers"));
  }

  @Test
  void lagWithUnknownPartitionsIsNotCapped() {
    Recommendation r = Autoscaler.recommend(POLICY, lag(0, 2, 0.3, 12_500, null), 2, 128);

    assertThat(r.parallelism()).isEqualTo(13);
    assertThat(r.replicas()).isEqualTo(7);
    assertThat(r.reason())
        .isEqualTo("lag 12500 / lagThreshold 1000 = 12.5 → 13 → parallelism 13 → 7 TaskManagers");
  }

  @Test
  void lagIsNoSignalWithoutLagThreshold() {
    Recommendation r = Autoscaler.recommend(NO_LAG, lag(0, 2, 0.3, 12_000, 4), 2, 128);

    assertThat(r.parallelism()).as("busy 0.3 × 2 / 0.7 = 0.86").isEqualTo(1);
    assertThat(r.reason()).startsWith("busy 30% at parallelism 2 < target 70%");
  }

  @Test
  void theLargerSignalWins() {
    Recommendation busyWins = Autoscaler.recommend(POLICY, lag(0, 4, 0.95, 2_000, 12), 1, 128);
    assertThat(busyWins.parallelism()).as("4 × 0.95 / 0.7 = 5.4 beats lag 2").isEqualTo(6);
    assertThat(busyWins.reason()).startsWith("busy 95%");

    Recommendation lagWins = Autoscaler.recommend(POLICY, lag(0, 4, 0.95, 9_000, 12), 1, 128);
    assertThat(lagWins.parallelism()).isEqualTo(9);
    assertThat(lagWins.reason()).startsWith("lag 9000 / lagThreshold 1000 = 9 →");
  }

  @Test
  void backpressureThatBusyTimeDoesNotExplainAddsOneTaskManager() {
    Recommendation r = Autoscaler.recommend(POLICY, backpressured(0, 2, 0.4, 0.63), 2, 128);

    assertThat(r).isEqualTo(new Recommendation(true, 2, 4, "backpressure 63% > threshold 50%, which busy time"
        + " does not explain: one more TaskManager → parallelism 4 → 2 TaskManagers"));
  }

  @Test
  void backpressureIsLeftToBusyTimeWhenBusyTimeScalesUp() {
    Recommendation r = Autoscaler.recommend(POLICY, backpressured(0, 4, 0.8, 0.9), 4, 128);

    assertThat(r.parallelism()).as("4 × 0.8 / 0.7 = 4.6, not one more TaskManager's 8 slots").isEqualTo(5);
    assertThat(r.reason()).startsWith("busy 80%");
  }

  @Test
  void backpressureAtTheThresholdIsNotASignal() {
    assertThat(Autoscaler.recommend(POLICY, backpressured(0, 2, 0.4, 0.5), 2, 128).parallelism()).isEqualTo(2);
  }

  @Test
  void cappedAtMaxParallelism() {
    Recommendation r = Autoscaler.recommend(POLICY, busy(0, 8, 1.0), 2, 10);

    assertThat(r.parallelism()).isEqualTo(10);
    assertThat(r.replicas()).isEqualTo(5);
    assertThat(r.reason()).endsWith("> target 70%, capped at max parallelism 10 → parallelism 10 → 5 TaskManagers");
  }

  @Test
  void clampedToMaxAndMinReplicas() {
    Recommendation high = Autoscaler.recommend(policy(1, 3, null), busy(0, 8, 1.0), 1, 128);
    assertThat(high.replicas()).isEqualTo(3);
    assertThat(high.parallelism()).isEqualTo(12);
    assertThat(high.reason()).endsWith("→ parallelism 12 → 12 TaskManagers, held to maxReplicas 3");

    Recommendation low = Autoscaler.recommend(policy(2, 10, null), busy(0, 4, 0.1), 1, 128);
    assertThat(low.replicas()).isEqualTo(2);
    assertThat(low.reason()).endsWith("→ parallelism 1 → 1 TaskManager, raised to minReplicas 2");
  }

  @Test
  void missingMetricsAreUnknownNotIdle() {
    Recommendation r = Autoscaler.recommend(POLICY, nothingYet(0, 2), 2, 128);

    assertThat(r.known()).isFalse();
    assertThat(r.reason()).isEqualTo("no busy-time metrics from the job yet, and no pendingRecords from its sources");
  }

  @Test
  void lagAloneIsEnoughAndNoLagStillMeansOneSubtask() {
    MetricSample onlyLag = new MetricSample(Samples.at(0), 2, 1, Double.NaN, Double.NaN, 3_000L, null, null, null);
    assertThat(Autoscaler.recommend(POLICY, onlyLag, 1, 128).parallelism()).isEqualTo(3);

    MetricSample drained = new MetricSample(Samples.at(0), 2, 1, Double.NaN, Double.NaN, 0L, 4, null, null);
    assertThat(Autoscaler.recommend(POLICY, drained, 1, 128))
        .isEqualTo(new Recommendation(true, 1, 1,
            "lag 0 / lagThreshold 1000 = 0, at least 1 → parallelism 1 → 1 TaskManager"));
  }
}
