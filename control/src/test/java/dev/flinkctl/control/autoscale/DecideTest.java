package dev.flinkctl.control.autoscale;

import static dev.flinkctl.control.autoscale.Samples.POLICY;
import static dev.flinkctl.control.autoscale.Samples.at;
import static dev.flinkctl.control.autoscale.Samples.busy;
import static dev.flinkctl.control.autoscale.Samples.lag;
import static dev.flinkctl.control.autoscale.Samples.nothingYet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.AutoscalerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Autoscaler.decide over histories on a fixed clock, one TaskManager slot each unless said. */
class DecideTest {
  private static ScalingDecision decide(List<MetricSample> history, int current, long nowSeconds) {
    return Autoscaler.decide(POLICY, history, current, 1, 128, null, false, at(nowSeconds));
  }

  /** A sample every 10 s from {@code from} to {@code to} seconds, inclusive. */
  private static List<MetricSample> every10s(long from, long to, LongFunction<MetricSample> sample) {
    List<MetricSample> out = new ArrayList<>();
    for (long t = from; t <= to; t += 10) {
      out.add(sample.apply(t));
    }
    return out;
  }

  private static List<MetricSample> join(List<MetricSample> a, List<MetricSample> b) {
    List<MetricSample> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void lagBurstScalesUpOnceTheWholeWindowAgreesToTheLeastItAskedFor() {
    List<MetricSample> history = join(every10s(0, 20, t -> lag(t, 2, 0.5, 0, 12)), List.of(
        lag(30, 2, 0.5, 6_000, 12), lag(40, 2, 0.5, 9_000, 12), lag(50, 2, 0.5, 8_000, 12),
        lag(60, 2, 0.5, 7_000, 12)));

    assertThat(decide(history, 2, 20).reason()).startsWith("holding at 2 TaskManagers: busy 50%");
    assertThat(decide(history, 2, 30).reason()).isEqualTo("holding: scale-up to 6 TaskManagers recommended for"
        + " 0s of 30s (lag 6000 / lagThreshold 1000 = 6 → parallelism 6 → 6 TaskManagers)");
    assertThat(decide(history, 2, 50).reason())
        .startsWith("holding: scale-up to 8 TaskManagers recommended for 20s of 30s");
    assertThat(decide(history, 2, 50).changes()).isFalse();

    ScalingDecision d = decide(history, 2, 60);
    assertThat(d.changes()).isTrue();
    assertThat(d.toReplicas()).as("the least of 6, 9, 8, 7").isEqualTo(6);
    assertThat(d.reason()).isEqualTo("scaling up from 2 to 6 TaskManagers: lag 6000 / lagThreshold 1000 = 6"
        + " → parallelism 6 → 6 TaskManagers; scale-up recommended for 30s (window 30s)");
  }

  @Test
  void drainScalesDownOnlyAfterTheScaleDownWindowToTheMostItAskedFor() {
    List<MetricSample> history = join(every10s(0, 50, t -> busy(t, 6, 0.7)),
        every10s(60, 400, t -> busy(t, 6, t == 200 ? 0.3 : 0.2)));

    assertThat(decide(history, 6, 300).reason())
        .startsWith("holding: scale-down to 2 TaskManagers recommended for 4m of 5m");
    assertThat(decide(history, 6, 350).changes()).isFalse();

    ScalingDecision d = decide(history, 6, 360);
    assertThat(d.toReplicas()).as("6 × 0.3 / 0.7 = 2.6 at t=200 is the most the window asked for").isEqualTo(3);
    assertThat(d.reason()).startsWith("scaling down from 6 to 3 TaskManagers: busy 30% at parallelism 6 < target 70%")
        .endsWith("scale-down recommended for 5m (window 5m)");
  }

  @Test
  void steadyLoadNearTheTargetNeverFlaps() {
    // 4 × 0.55 / 0.7 = 3.1 … 4 × 0.7 / 0.7 = 4: every sample asks for the 4 there are.
    List<MetricSample> history = every10s(0, 600, t -> busy(t, 4, t % 20 == 0 ? 0.55 : 0.7));

    for (long now = 0; now <= 600; now += 10) {
      ScalingDecision d = decide(history, 4, now);
      assertThat(d.changes()).as("t=" + now).isFalse();
      assertThat(d.reason()).startsWith("holding at 4 TaskManagers: busy");
    }
  }

  @Test
  void noisyAlternatingRecommendationsHold() {
    // 4 × 0.9 / 0.7 → 6 and 4 × 0.3 / 0.7 → 2, in turn: neither holds for a window.
    List<MetricSample> upDown = every10s(0, 600, t -> busy(t, 4, t % 20 == 0 ? 0.9 : 0.3));
    // Up, then at the target, in turn.
    List<MetricSample> upSteady = every10s(0, 600, t -> busy(t, 4, t % 20 == 0 ? 0.9 : 0.6));

    for (long now = 0; now <= 600; now += 5) {
      assertThat(decide(upDown, 4, now).changes()).as("up/down t=" + now).isFalse();
      assertThat(decide(upSteady, 4, now).changes()).as("up/steady t=" + now).isFalse();
    }
    assertThat(decide(upDown, 4, 600).reason()).isEqualTo("holding: scale-up to 6 TaskManagers recommended for"
        + " 0s of 30s (busy 90% at parallelism 4 > target 70% → parallelism 6 → 6 TaskManagers)");
    assertThat(decide(upDown, 4, 595).reason())
        .startsWith("holding: scale-down to 2 TaskManagers recommended for 5s of 5m");
  }

  @Test
  void cooldownHoldsAndIgnoresTheSamplesTakenDuringIt() {
    List<MetricSample> history = every10s(0, 250, t -> busy(t, 2, 0.95));
    Instant rescaleEnded = at(100);

    ScalingDecision cooling = Autoscaler.decide(POLICY, history, 2, 1, 128, rescaleEnded, false, at(130));
    assertThat(cooling.changes()).isFalse();
    assertThat(cooling.reason()).isEqualTo("holding: cooling down after the last rescale or restart, 30s of 1m left");

    // Counting from t=0 the window would be long covered; from the cooldown's end (t=160) it is not.
    ScalingDecision early = Autoscaler.decide(POLICY, history, 2, 1, 128, rescaleEnded, false, at(180));
    assertThat(early.reason()).startsWith("holding: scale-up to 3 TaskManagers recommended for 20s of 30s");

    ScalingDecision d = Autoscaler.decide(POLICY, history, 2, 1, 128, rescaleEnded, false, at(190));
    assertThat(d.toReplicas()).isEqualTo(3);
  }

  /** A failover restart after the rescale (a TaskManager under a task went away) restarts the cooldown. */
  @Test
  void aJobRestartCoolsDownLikeARescale() {
    Instant restarted = at(150);
    List<MetricSample> history = join(every10s(0, 140, t -> busy(t, 2, 0.3)),
        every10s(150, 250, t -> new MetricSample(at(t), 1, 1, 1.0, 0.0, null, null, "source", restarted)));

    ScalingDecision cooling = Autoscaler.decide(POLICY, history, 1, 1, 128, at(100), false, at(200));
    assertThat(cooling.changes()).as("the fresh task's full busy time is the restart's").isFalse();
    assertThat(cooling.reason()).isEqualTo("holding: cooling down after the last rescale or restart, 10s of 1m left");

    ScalingDecision early = Autoscaler.decide(POLICY, history, 1, 1, 128, at(100), false, at(230));
    assertThat(early.reason()).as("the window counts from the cooldown's end, t=210")
        .startsWith("holding: scale-up to 2 TaskManagers recommended for 20s of 30s");
    assertThat(Autoscaler.decide(POLICY, history, 1, 1, 128, at(100), false, at(240)).toReplicas()).isEqualTo(2);
  }

  @Test
  void nothingIsDecidedWhileBusy() {
    List<MetricSample> history = every10s(0, 120, t -> busy(t, 2, 0.95));

    ScalingDecision d = Autoscaler.decide(POLICY, history, 2, 1, 128, null, true, at(120));

    assertThat(d.changes()).isFalse();
    assertThat(d.toReplicas()).isNull();
    assertThat(d.reason()).isEqualTo("holding: a checkpoint, savepoint or rescale is in flight");
    assertThat(d.signals()).as("status can still show what was seen").isEqualTo(history.get(history.size() - 1));
  }

  @Test
  void missingMetricsHoldWithAReason() {
    assertThat(decide(List.of(), 2, 0).reason()).isEqualTo("holding: no metrics yet");
    assertThat(decide(every10s(0, 60, t -> nothingYet(t, 2)), 2, 60).reason())
        .isEqualTo("holding: no busy-time metrics from the job yet, and no pendingRecords from its sources");

    // A sample without metrics breaks a run: the window starts again after it.
    List<MetricSample> gap = join(every10s(0, 20, t -> busy(t, 2, 0.95)),
        join(List.of(nothingYet(30, 2)), every10s(40, 60, t -> busy(t, 2, 0.95))));
    assertThat(decide(gap, 2, 60).reason())
        .startsWith("holding: scale-up to 3 TaskManagers recommended for 20s of 30s");
  }

  @Test
  void staleMetricsAreNotActedOn() {
    List<MetricSample> history = every10s(0, 60, t -> busy(t, 2, 0.95));

    assertThat(decide(history, 2, 90).changes()).as("30 s old is three intervals").isTrue();
    ScalingDecision d = decide(history, 2, 91);
    assertThat(d.changes()).isFalse();
    assertThat(d.reason()).isEqualTo("holding: the newest metrics are 31s old");
  }

  @Test
  void decisionsStayWithinPartitionsMaxParallelismAndMaxReplicas() {
    List<MetricSample> burst = every10s(0, 30, t -> lag(t, 2, 0.5, 50_000, 8));

    assertThat(decide(burst, 2, 30).toReplicas()).as("50 wanted, 8 partitions").isEqualTo(8);
    assertThat(Autoscaler.decide(POLICY, burst, 2, 1, 5, null, false, at(30)).toReplicas())
        .as("max parallelism 5").isEqualTo(5);
    AutoscalerPolicy maxThree = new AutoscalerPolicy(1, 3, 0.7, 0.5, 1000L, Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1));
    assertThat(Autoscaler.decide(maxThree, burst, 2, 1, 128, null, false, at(30)).toReplicas()).isEqualTo(3);
    assertThat(Autoscaler.decide(maxThree, burst, 3, 1, 128, null, false, at(30)).reason())
        .as("at the ceiling already").startsWith("holding at 3 TaskManagers:").endsWith("held to maxReplicas 3");
  }

  @Test
  void slotsPerTaskManagerTurnParallelismIntoReplicas() {
    List<MetricSample> burst = every10s(0, 30, t -> lag(t, 4, 0.5, 7_000, 12));

    assertThat(Autoscaler.decide(POLICY, burst, 2, 2, 128, null, false, at(30)).toReplicas())
        .as("parallelism 7 on 2-slot TaskManagers").isEqualTo(4);
  }

  @Test
  void decisionBecomesStatus() {
    List<MetricSample> history = every10s(0, 30, t -> lag(t, 2, 0.5, 7_000, 12));

    AutoscalerStatus up = decide(history, 2, 30).toStatus();
    assertThat(up).isEqualTo(new AutoscalerStatus("2026-01-01T00:00:30Z", 2, 7,
        "scaling up from 2 to 7 TaskManagers: lag 7000 / lagThreshold 1000 = 7 → parallelism 7 → 7 TaskManagers;"
            + " scale-up recommended for 30s (window 30s)", 50, 0, 7000L, 12));

    AutoscalerStatus hold = decide(List.of(), 2, 30).toStatus();
    assertThat(hold.toReplicas()).isNull();
    assertThat(hold.busyPercent()).isNull();
    assertThat(hold.reason()).isEqualTo("holding: no metrics yet");
  }
}
