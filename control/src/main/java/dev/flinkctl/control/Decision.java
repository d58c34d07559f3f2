package dev.flinkctl.control;

import dev.flinkctl.api.FlinkClusterStatus;

/** The status to record before acting, and the action. */
public record Decision(FlinkClusterStatus status, Action action) {
  public static Decision waiting(FlinkClusterStatus status, String reason) {
    return new Decision(status, new Action.Wait(reason));
  }
}
