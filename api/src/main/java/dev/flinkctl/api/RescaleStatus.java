package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The latest rescale of the job: in progress while {@code completedAt} is unset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RescaleStatus(
    @JsonPropertyDescription("TaskManagers before the change.")
    Integer fromReplicas,
    @JsonPropertyDescription("TaskManagers asked for.")
    Integer toReplicas,
    @JsonPropertyDescription("Job parallelism before the change.")
    Integer fromParallelism,
    @JsonPropertyDescription("Job parallelism asked for.")
    Integer toParallelism,
    @JsonPropertyDescription("in-place, reactive or savepoint: how the job is rescaled.")
    String method,
    @JsonPropertyDescription("Why this parallelism: replicas x slots, capped by what.")
    String reason,
    @JsonPropertyDescription("When the rescale started (RFC 3339).")
    String startedAt,
    @JsonPropertyDescription("When the job first ran at the new parallelism (RFC 3339); unset while in progress.")
    String completedAt,
    @JsonPropertyDescription("What happened, e.g. a fallback to savepoint and why.")
    String message) {

  public boolean inProgress() {
    return completedAt == null;
  }

  public RescaleStatus completed(String at, String msg) {
    return new RescaleStatus(fromReplicas, toReplicas, fromParallelism, toParallelism, method, reason, startedAt, at,
        msg);
  }

  public RescaleStatus withMethod(String newMethod, String msg) {
    return new RescaleStatus(fromReplicas, toReplicas, fromParallelism, toParallelism, newMethod, reason, startedAt,
        completedAt, msg);
  }
}
