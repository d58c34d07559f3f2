package dev.flinkctl.model;

import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.api.RescaleMode;
import java.util.List;
import java.util.Map;

/**
 * Settles how capacity changes reach the job. {@code auto} becomes in-place where Flink can do it
 * (1.18+, and the user has not chosen another scheduler), so a new user's {@code kubectl scale}
 * rescales the job without a savepoint round trip.
 */
final class RescaleModes {
  static final String SCHEDULER = "jobmanager.scheduler";
  static final String SCHEDULER_MODE = "scheduler-mode";
  /** Flink 1.19+ waits this long after a rescale before the next (default 30 s). */
  static final String COOLDOWN = "jobmanager.adaptive-scheduler.scaling-interval.min";
  /**
   * The control loop decides when to rescale and its autoscaler has its own cooldown; Flink's
   * 30 s on top would only delay a rescale asked for soon after the job (re)started.
   */
  static final String COOLDOWN_DEFAULT = "5s";
  private static final String FIELD = "spec.job.rescaleMode";

  private RescaleModes() {}

  static RescaleMode resolve(RescaleMode asked, FlinkVersion version, Map<String, String> conf, boolean pinned,
      List<Finding> findings) {
    RescaleMode mode = asked == null ? RescaleMode.AUTO : asked;
    boolean reactiveConf = "reactive".equalsIgnoreCase(trim(conf.get(SCHEDULER_MODE)));
    String scheduler = trim(conf.get(SCHEDULER));
    boolean otherScheduler = scheduler != null && !scheduler.equalsIgnoreCase("adaptive");
    boolean inPlacePossible = version == null || version.atLeast(FlinkVersion.V1_18);
    if (reactiveConf) {
      if (mode != RescaleMode.AUTO && mode != RescaleMode.REACTIVE) {
        findings.add(Finding.error("rescale-mode-conflict", FIELD, "flinkConfiguration sets " + SCHEDULER_MODE
            + ": reactive, which rescales by itself, but rescaleMode is " + name(mode),
            "set rescaleMode: reactive, or remove " + SCHEDULER_MODE + " from flinkConfiguration"));
      }
      mode = RescaleMode.REACTIVE;
    }
    if (mode == RescaleMode.AUTO) {
      return otherScheduler || !inPlacePossible ? RescaleMode.SAVEPOINT : RescaleMode.IN_PLACE;
    }
    if (mode == RescaleMode.IN_PLACE && otherScheduler) {
      findings.add(Finding.error("rescale-mode-conflict", FIELD, "in-place rescaling needs the adaptive scheduler,"
          + " but flinkConfiguration sets " + SCHEDULER + ": " + scheduler,
          "remove " + SCHEDULER + " from flinkConfiguration, or set rescaleMode: savepoint"));
    }
    if (mode == RescaleMode.IN_PLACE && !inPlacePossible) {
      findings.add(Finding.error("rescale-mode-version", FIELD, "in-place rescaling needs Flink 1.18 or later",
          "set rescaleMode: savepoint, or use a Flink 1.18+ image"));
    }
    if (mode == RescaleMode.REACTIVE && pinned) {
      findings.add(Finding.warning("reactive-ignores-parallelism", FIELD,
          "reactive mode runs the job on every slot: the pinned parallelism is not used",
          "remove spec.job.parallelism, or choose rescaleMode: in-place to keep it as a cap"));
    }
    return mode;
  }

  private static String name(RescaleMode m) {
    return m.name().toLowerCase().replace('_', '-');
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
