package dev.flinkctl.control;

import dev.flinkctl.control.rest.FlinkJobState;

/**
 * The application job as Flink reports it.
 *
 * @param latestCheckpointPath the newest completed checkpoint, a restore point for last-state upgrades
 * @param failure Flink's root exception, summarised, when the job failed
 */
public record JobObservation(String jobId, FlinkJobState state, int parallelism, Long latestCheckpointId,
    String latestCheckpointPath, String latestCheckpointTime, String failure) {

  public boolean isRunning() {
    return state == FlinkJobState.RUNNING;
  }
}
