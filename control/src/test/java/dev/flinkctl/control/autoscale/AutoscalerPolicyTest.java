package dev.flinkctl.control.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkctl.api.AutoscalerSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AutoscalerPolicyTest {
  private static AutoscalerSpec spec(Boolean enabled, Integer min, Integer max) {
    return new AutoscalerSpec(enabled, min, max, null, null, null, null, null, null, null, null);
  }

  @Test
  void onlyMaxReplicasGivenTakesEveryDefault() {
    AutoscalerPolicy p = AutoscalerPolicy.of(spec(null, null, 6)).orElseThrow();

    assertThat(p).isEqualTo(new AutoscalerPolicy(1, 6, 0.7, 0.5, null, Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1)));
    assertThat(p.lookBack()).as("longest window + cooldown").isEqualTo(Duration.ofMinutes(6));
  }

  @Test
  void givenValuesWinAndPercentsBecomeFractions() {
    AutoscalerPolicy p = AutoscalerPolicy.of(new AutoscalerSpec(true, 2, 8, 80, 40, 5000L, null, "5s", "1min",
        "90s", "2m")).orElseThrow();

    assertThat(p).isEqualTo(new AutoscalerPolicy(2, 8, 0.8, 0.4, 5000L, Duration.ofSeconds(5),
        Duration.ofMinutes(1), Duration.ofSeconds(90), Duration.ofMinutes(2)));
    assertThat(p.lookBack()).as("the 90s scale-down window + 2m cooldown").isEqualTo(Duration.ofSeconds(210));
  }

  @Test
  void absentOrSwitchedOffMeansNoAutoscaler() {
    assertThat(AutoscalerPolicy.of(null)).isEmpty();
    assertThat(AutoscalerPolicy.of(spec(false, null, 6))).isEmpty();
    assertThat(AutoscalerPolicy.of(spec(true, null, 6))).isPresent();
  }

  @Test
  void specThatSkippedValidationFailsLoudly() {
    assertThatThrownBy(() -> AutoscalerPolicy.of(spec(null, null, null)))
        .hasMessageContaining("spec.autoscaler.maxReplicas");
    assertThatThrownBy(() -> AutoscalerPolicy.of(new AutoscalerSpec(null, null, 3, null, null, null, null, "often",
        null, null, null))).hasMessageContaining("metricsInterval").hasMessageContaining("'often'");
    assertThatThrownBy(() -> AutoscalerPolicy.of(spec(null, 4, 2))).hasMessageContaining("minReplicas");
  }
}
