package dev.flinkctl.model;

import dev.flinkctl.api.AutoscalerSpec;
import dev.flinkctl.api.FlinkClusterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What spec.autoscaler must say before the control loop can act on it. The CRD's bounds catch
 * some of this on Kubernetes, but {@code flinkctl up} reads the YAML without an API server, so
 * every bound is checked here as well.
 */
public final class AutoscalerRules {
  private static final String FIELD = "spec.autoscaler";
  /** Measured on Flink 1.20 on a 2-core machine: busy read 1000 ms/s for 18 s after a rescale to 1. */
  static final Duration MIN_COOLDOWN = Duration.ofSeconds(30);

  private AutoscalerRules() {}

  /** Errors in spec.autoscaler; none when the section is absent or says enabled: false. */
  public static List<Finding> check(FlinkClusterSpec spec) {
    AutoscalerSpec a = spec.autoscaler();
    // A switched-off section may be half written; it has no effect, so it is not judged.
    if (a == null || Boolean.FALSE.equals(a.enabled())) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    if (spec.job() == null) {
      findings.add(Finding.error("autoscaler-needs-job", FIELD,
          "the autoscaler rescales one job, but this is a session cluster (no spec.job)",
          "add spec.job, or remove spec.autoscaler (or set enabled: false) and scale the TaskManagers yourself"));
    }
    if (a.maxReplicas() == null) {
      findings.add(Finding.error("autoscaler-max-replicas-required", FIELD + ".maxReplicas",
          "the autoscaler has no upper bound on TaskManagers",
          "set spec.autoscaler.maxReplicas to the most TaskManagers the job may get"));
    }
    atLeast(findings, "minReplicas", a.minReplicas(), 1);
    atLeast(findings, "maxReplicas", a.maxReplicas(), 1);
    if (a.minReplicas() != null && a.maxReplicas() != null && a.minReplicas() > a.maxReplicas()) {
      findings.add(Finding.error("autoscaler-replicas-order", FIELD + ".minReplicas",
          "minReplicas " + a.minReplicas() + " is above maxReplicas " + a.maxReplicas(),
          "set minReplicas to at most maxReplicas"));
    }
    percent(findings, "targetUtilization", a.targetUtilization());
    percent(findings, "backpressureThreshold", a.backpressureThreshold());
    if (a.lagThreshold() != null && a.lagThreshold() < 1) {
      findings.add(range("lagThreshold", a.lagThreshold() + " is below the minimum of 1", "set it to 1 or more"));
    }
    duration(findings, "metricsInterval", a.metricsInterval(), false);
    duration(findings, "scaleUpStabilization", a.scaleUpStabilization(), true);
    duration(findings, "scaleDownStabilization", a.scaleDownStabilization(), true);
    duration(findings, "cooldown", a.cooldown(), true);
    Durations.parse(a.cooldown() == null ? "" : a.cooldown()).filter(d -> d.compareTo(MIN_COOLDOWN) < 0)
        .ifPresent(d -> findings.add(Finding.warning("autoscaler-short-cooldown", FIELD + ".cooldown",
            "a cooldown of " + a.cooldown() + " is shorter than " + MIN_COOLDOWN.toSeconds() + "s: after a rescale Flink"
                + " reports its restarted tasks as fully busy for up to about 20 s (restoring state, and the REST API"
                + " serves metrics up to 10 s old), so the first samples ask for capacity the job does not need",
            "set spec.autoscaler.cooldown to " + MIN_COOLDOWN.toSeconds() + "s or more (default 1m)")));
    return findings;
  }

  private static void atLeast(List<Finding> findings, String field, Integer value, int min) {
    if (value != null && value < min) {
      findings.add(range(field, value + " is below the minimum of " + min, "set it to " + min + " or more"));
    }
  }

  private static void percent(List<Finding> findings, String field, Integer value) {
    if (value != null && (value < 1 || value > 100)) {
      findings.add(range(field, value + " is not a percentage from 1 to 100", "write a whole percent, e.g. 70"));
    }
  }

  // Zero is a valid window (act on the first sample) but not a sampling interval.
  private static void duration(List<Finding> findings, String field, String text, boolean zeroAllowed) {
    if (text == null) {
      return;
    }
    Optional<Duration> d = Durations.parse(text);
    if (d.isEmpty()) {
      findings.add(Finding.error("duration", FIELD + "." + field, "'" + text + "' is not a duration",
          "write e.g. 30s, 5min or 1h"));
    } else if (!zeroAllowed && d.get().isZero()) {
      findings.add(Finding.error("duration", FIELD + "." + field, "the interval is zero",
          "write a positive duration, e.g. 10s"));
    }
  }

  private static Finding range(String field, String message, String fix) {
    return Finding.error("range", FIELD + "." + field, message, fix);
  }
}
