package dev.flinkctl.control.autoscale;

import dev.flinkctl.api.AutoscalerSpec;
import dev.flinkctl.model.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * spec.autoscaler with every default filled in. The spec was checked by AutoscalerRules (model)
 * before it gets here, so a value that still does not parse is a bug and fails loudly.
 *
 * @param targetUtilization busy time the busiest operator should run at, as a fraction (0.7)
 * @param backpressureThreshold back-pressured time above which an operator counts as held back,
 *     as a fraction (0.5)
 * @param lagThreshold Kafka records one source subtask may carry; null turns the lag signal off
 */
public record AutoscalerPolicy(
    int minReplicas,
    int maxReplicas,
    double targetUtilization,
    double backpressureThreshold,
    Long lagThreshold,
    Duration metricsInterval,
    Duration scaleUpStabilization,
    Duration scaleDownStabilization,
    Duration cooldown) {

  public static final int DEFAULT_MIN_REPLICAS = 1;
  public static final int DEFAULT_TARGET_UTILIZATION_PERCENT = 70;
  public static final int DEFAULT_BACKPRESSURE_THRESHOLD_PERCENT = 50;
  public static final Duration DEFAULT_METRICS_INTERVAL = Duration.ofSeconds(10);
  // Up quickly enough to catch a burst before the lag grows much, yet not on one noisy sample.
  public static final Duration DEFAULT_SCALE_UP_STABILIZATION = Duration.ofSeconds(30);
  // Down slowly: each rescale restarts tasks, so a dip must last before capacity is given back.
  // Five minutes is also HPA's default scale-down window.
  public static final Duration DEFAULT_SCALE_DOWN_STABILIZATION = Duration.ofMinutes(5);
  // After a rescale the job replays what piled up meanwhile: its metrics then say little.
  public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(1);

  public AutoscalerPolicy {
    if (minReplicas < 1 || maxReplicas < minReplicas) {
      throw new IllegalArgumentException("need 1 <= minReplicas <= maxReplicas, got " + minReplicas
          + " and " + maxReplicas);
    }
    if (!fraction(targetUtilization) || !fraction(backpressureThreshold)) {
      throw new IllegalArgumentException("targetUtilization and backpressureThreshold are fractions in (0, 1]");
    }
    if (lagThreshold != null && lagThreshold < 1) {
      throw new IllegalArgumentException("lagThreshold must be at least 1, got " + lagThreshold);
    }
    Objects.requireNonNull(metricsInterval, "metricsInterval");
    Objects.requireNonNull(scaleUpStabilization, "scaleUpStabilization");
    Objects.requireNonNull(scaleDownStabilization, "scaleDownStabilization");
    Objects.requireNonNull(cooldown, "cooldown");
  }

  /** The policy of a spec, or empty when there is no spec.autoscaler or it says enabled: false. */
  public static Optional<AutoscalerPolicy> of(AutoscalerSpec spec) {
    if (spec == null || Boolean.FALSE.equals(spec.enabled())) {
      return Optional.empty();
    }
    if (spec.maxReplicas() == null) {
      throw new IllegalArgumentException("spec.autoscaler.maxReplicas is required");
    }
    return Optional.of(new AutoscalerPolicy(
        Objects.requireNonNullElse(spec.minReplicas(), DEFAULT_MIN_REPLICAS),
        spec.maxReplicas(),
        Objects.requireNonNullElse(spec.targetUtilization(), DEFAULT_TARGET_UTILIZATION_PERCENT) / 100.0,
        Objects.requireNonNullElse(spec.backpressureThreshold(), DEFAULT_BACKPRESSURE_THRESHOLD_PERCENT) / 100.0,
        spec.lagThreshold(),
        duration("metricsInterval", spec.metricsInterval(), DEFAULT_METRICS_INTERVAL),
        duration("scaleUpStabilization", spec.scaleUpStabilization(), DEFAULT_SCALE_UP_STABILIZATION),
        duration("scaleDownStabilization", spec.scaleDownStabilization(), DEFAULT_SCALE_DOWN_STABILIZATION),
        duration("cooldown", spec.cooldown(), DEFAULT_COOLDOWN)));
  }

  /** How far back decisions look: the longer window, after the cooldown that precedes it. */
  public Duration lookBack() {
    Duration window = scaleUpStabilization.compareTo(scaleDownStabilization) >= 0
        ? scaleUpStabilization : scaleDownStabilization;
    return window.plus(cooldown);
  }

  private static boolean fraction(double x) {
    return x > 0 && x <= 1;
  }

  private static Duration duration(String field, String text, Duration fallback) {
    if (text == null) {
      return fallback;
    }
    return Durations.parse(text).orElseThrow(() -> new IllegalArgumentException(
        "spec.autoscaler." + field + ": '" + text + "' is not a duration"));
  }
}
