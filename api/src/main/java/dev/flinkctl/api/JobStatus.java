package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The job as Flink last reported it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatus(
    @JsonPropertyDescription("Flink job id.")
    String id,
    @JsonPropertyDescription("Flink job state: CREATED, RUNNING, FAILING, FINISHED, CANCELED, ...")
    String state,
    @JsonPropertyDescription("Parallelism the job runs with.")
    Integer parallelism,
    @JsonPropertyDescription("The latest completed savepoint.")
    SavepointInfo lastSavepoint,
    @JsonPropertyDescription("The latest completed checkpoint.")
    CheckpointInfo lastCheckpoint,
    @JsonPropertyDescription("How often the job restarted since it was submitted.")
    Long restarts) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SavepointInfo(String location, String time, String triggerId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CheckpointInfo(Long id, String location, String time) {}
}
