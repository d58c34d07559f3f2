package dev.flinkctl.control.autoscale;

import java.util.Locale;

/**
 * The parallelism one metric asks for, and the arithmetic that got there. Each signal is
 * computed on its own so that the reason can name the one that won.
 */
record Signal(int parallelism, String reason) {
  // ceil() of a product of fractions lands one too high on values like 2 × 0.7 / 0.7.
  private static final double EPSILON = 1e-9;

  /** Busy time is true utilization: at target the busiest vertex keeps its headroom. */
  static Signal busy(AutoscalerPolicy p, MetricSample s) {
    int current = s.parallelism();
    int desired = ceil(current * s.busyRatio() / p.targetUtilization());
    int busy = Texts.percent(s.busyRatio());
    int target = Texts.percent(p.targetUtilization());
    String where = s.busiestVertex() == null ? "" : " in '" + Texts.vertex(s.busiestVertex()) + "'";
    String compared = busy > target ? " > " : busy < target ? " < " : " = ";
    return new Signal(desired, "busy " + busy + "%" + where + " at parallelism " + current + compared
        + "target " + target + "%");
  }

  /**
   * KEDA's Kafka rule: one source subtask per lagThreshold records of lag, but no more subtasks
   * than partitions, since a subtask without a partition reads nothing.
   */
  static Signal lag(AutoscalerPolicy p, MetricSample s) {
    long lag = Math.max(0, s.pendingRecords());
    long threshold = p.lagThreshold();
    long wanted = (lag + threshold - 1) / threshold;
    String reason = "lag " + lag + " / lagThreshold " + threshold + " = "
        + (lag % threshold == 0 ? "" : String.format(Locale.ROOT, "%.1f → ", (double) lag / threshold)) + wanted;
    if (wanted < 1) {
      // No lag still needs a subtask to read what comes next.
      wanted = 1;
      reason += ", at least 1";
    }
    if (s.partitions() != null && s.partitions() > 0 && wanted > s.partitions()) {
      wanted = s.partitions();
      reason += ", capped at " + s.partitions() + " partitions";
    }
    return new Signal((int) Math.min(Integer.MAX_VALUE, wanted), reason);
  }

  /**
   * Back pressure without a busy vertex to blame points at a bottleneck busy time does not
   * show (a slow sink's external system, say): add one TaskManager's worth of slots and see.
   */
  static Signal backpressure(AutoscalerPolicy p, MetricSample s, int slotsPerTaskManager) {
    int taskManagersNeeded = ceilDiv(s.parallelism(), slotsPerTaskManager);
    return new Signal((taskManagersNeeded + 1) * slotsPerTaskManager,
        "backpressure " + Texts.percent(s.backpressureRatio()) + "% > threshold "
            + Texts.percent(p.backpressureThreshold()) + "%, which busy time does not explain: one more TaskManager");
  }

  static int ceil(double x) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(x - EPSILON)));
  }

  static int ceilDiv(int a, int b) {
    return Math.max(1, (a + b - 1) / b);
  }
}
