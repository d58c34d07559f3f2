package dev.flinkctl.control.autoscale;

import dev.flinkctl.api.AutoscalerStatus;
import java.time.Instant;

/**
 * The autoscaler's verdict at one moment: a new TaskManager count, or hold, and why.
 *
 * @param toReplicas the TaskManagers to set spec.taskManager.replicas to; null to hold
 * @param reason the numbers behind it, for status and an Event
 * @param signals the newest sample the decision saw, whose signals go to status; null when
 *     there was none
 */
public record ScalingDecision(Instant time, int fromReplicas, Integer toReplicas, String reason,
    MetricSample signals) {

  static ScalingDecision hold(Instant time, int replicas, String reason, MetricSample signals) {
    return new ScalingDecision(time, replicas, null, reason, signals);
  }

  static ScalingDecision change(Instant time, int from, int to, String reason, MetricSample signals) {
    return new ScalingDecision(time, from, to, reason, signals);
  }

  /** Whether the TaskManager count should change. */
  public boolean changes() {
    return toReplicas != null && toReplicas != fromReplicas;
  }

  /** status.autoscaler for this decision; toReplicas is null for a hold. */
  public AutoscalerStatus toStatus() {
    return new AutoscalerStatus(time.toString(), fromReplicas, toReplicas, reason,
        signals == null ? null : signals.busyPercent(),
        signals == null ? null : signals.backpressurePercent(),
        signals == null ? null : signals.pendingRecords(),
        signals == null ? null : signals.partitions());
  }
}
