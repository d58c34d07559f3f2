package dev.flinkctl.control;

import dev.flinkctl.control.rest.FlinkJobState;
import dev.flinkctl.control.rest.JobDetails;
import java.util.List;

/**
 * The application job as Flink reports it.
 *
 * @param latestCheckpointPath the newest completed checkpoint, a restore point for last-state upgrades
 * @param failure Flink's root exception, summarised, when the job failed
 * @param vertices the job's vertices with their current parallelism
 */
public record JobObservation(String jobId, FlinkJobState state, int parallelism, Long latestCheckpointId,
    String latestCheckpointPath, String latestCheckpointTime, String failure, List<JobDetails.Vertex> vertices) {

  public JobObservation {
    vertices = vertices == null ? List.of() : List.copyOf(vertices);
  }

  public JobObservation(String jobId, FlinkJobState state, int parallelism, Long latestCheckpointId,
      String latestCheckpointPath, String latestCheckpointTime, String failure) {
    this(jobId, state, parallelism, latestCheckpointId, latestCheckpointPath, latestCheckpointTime, failure, List.of());
  }

  public boolean isRunning() {
    return state == FlinkJobState.RUNNING;
  }
}
