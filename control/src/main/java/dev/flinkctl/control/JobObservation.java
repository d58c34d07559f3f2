package dev.flinkctl.control;

import dev.flinkctl.control.rest.FlinkJobState;

/**
 * The application job as Flink reports it.
 *
 * @param latestCheckpointPath the newest completed checkpoint, a restore point for last-state upgrades
 */
public record JobObservation(String jobId, FlinkJobState state, int parallelism, Long latestCheckpointId,
    String latestCheckpointPath, String latestCheckpointTime) {

  public boolean isRunning() {
    return state == FlinkJobState.RUNNING;
  }
}
