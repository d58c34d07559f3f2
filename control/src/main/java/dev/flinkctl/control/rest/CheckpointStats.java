package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * GET /jobs/:id/checkpoints, reduced to what the control loop needs: counts, the latest completed
 * checkpoint (a restore point for upgrades when no savepoint can be taken) and what the job
 * restored from.
 *
 * @param latestCompleted null until a checkpoint completes
 * @param latestRestored null when the job did not restore from a checkpoint or savepoint
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckpointStats(Counts counts, Completed latestCompleted, Restored latestRestored) {

  // Flink nests the latest checkpoints under "latest"; flattened here because callers want them directly.
  @JsonCreator
  static CheckpointStats fromJson(@JsonProperty("counts") Counts counts,
      @JsonProperty("latest") Latest latest) {
    return new CheckpointStats(counts == null ? new Counts(0, 0, 0, 0, 0) : counts,
        latest == null ? null : latest.completed(), latest == null ? null : latest.restored());
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Counts(
      @JsonProperty("completed") long completed,
      @JsonProperty("failed") long failed,
      @JsonProperty("in_progress") long inProgress,
      @JsonProperty("restored") long restored,
      @JsonProperty("total") long total) {
  }

  /**
   * @param externalPath where the checkpoint is stored; restorable when checkpoints are retained
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Completed(
      @JsonProperty("id") long id,
      @JsonProperty("external_path") String externalPath,
      @JsonProperty("latest_ack_timestamp") long latestAckTimestamp) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Restored(
      @JsonProperty("id") long id,
      @JsonProperty("external_path") String externalPath,
      @JsonProperty("restore_timestamp") long restoreTimestamp,
      @JsonProperty("is_savepoint") boolean savepoint) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Latest(
      @JsonProperty("completed") Completed completed,
      @JsonProperty("restored") Restored restored) {
  }
}
