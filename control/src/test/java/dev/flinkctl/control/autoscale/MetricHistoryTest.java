package dev.flinkctl.control.autoscale;

import static dev.flinkctl.control.autoscale.Samples.POLICY;
import static dev.flinkctl.control.autoscale.Samples.T0;
import static dev.flinkctl.control.autoscale.Samples.at;
import static dev.flinkctl.control.autoscale.Samples.busy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricHistoryTest {

  @Test
  void dueOncePerMetricsInterval() {
    MetricHistory h = new MetricHistory(POLICY);
    assertThat(h.due(T0)).as("nothing sampled yet").isTrue();

    h.add(busy(0, 2, 0.5));

    assertThat(h.due(at(9))).isFalse();
    assertThat(h.due(at(10))).isTrue();
  }

  @Test
  void keepsTheLookBackAndTheSampleThatOpensIt() {
    MetricHistory h = new MetricHistory(POLICY);
    for (long t = 0; t <= 3600; t += 10) {
      h.add(busy(t, 2, 0.5));
    }

    // Look-back 5m window + 1m cooldown = 6m: 3240 s to 3600 s.
    assertThat(h.samples()).hasSize(37);
    assertThat(h.samples().get(0).time()).isEqualTo(at(3240));
  }

  @Test
  void afterAGapTheNewestOlderSampleStays() {
    MetricHistory h = new MetricHistory(POLICY);
    h.add(busy(0, 2, 0.5));
    h.add(busy(100, 2, 0.5));
    h.add(busy(500, 2, 0.5));

    // Cut-off 500 − 360 = 140: the sample at 100 still speaks for 140 onwards.
    assertThat(h.samples()).extracting(MetricSample::time).containsExactly(at(100), at(500));
  }

  @Test
  void boundedEvenWhenSamplesComeTooFast() {
    MetricHistory h = new MetricHistory(POLICY);
    for (int i = 0; i < 1500; i++) {
      h.add(new MetricSample(T0.plus(Duration.ofMillis(i)), 2, 2, 0.5, 0.0, null, null, null, null));
    }

    assertThat(h.samples()).hasSize(MetricHistory.MAX_SAMPLES);
    assertThat(h.samples().get(0).time()).isEqualTo(T0.plus(Duration.ofMillis(500)));
  }

  @Test
  void refusesSamplesOutOfOrder() {
    MetricHistory h = new MetricHistory(POLICY);
    h.add(busy(20, 2, 0.5));

    assertThatThrownBy(() -> h.add(busy(10, 2, 0.5))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPrunedHistoryStillCoversTheScaleDownWindow() {
    MetricHistory h = new MetricHistory(POLICY);
    for (long t = 0; t <= 3600; t += 10) {
      h.add(busy(t, 6, 0.2));
    }

    ScalingDecision d = Autoscaler.decide(POLICY, h.samples(), 6, 1, 128, null, false, at(3600));

    assertThat(d.toReplicas()).as("6 × 0.2 / 0.7 = 1.7").isEqualTo(2);
  }

  @Test
  void clearForgetsEverything() {
    MetricHistory h = new MetricHistory(POLICY);
    h.add(busy(0, 2, 0.5));

    h.clear();

    assertThat(h.samples()).isEmpty();
    assertThat(h.due(at(1))).isTrue();
  }
}
