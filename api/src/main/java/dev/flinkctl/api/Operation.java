package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * An action in flight, written to status before it is started so that a restarted controller
 * resumes it (with the same savepoint trigger id) instead of starting a second one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Operation(
    @JsonPropertyDescription("SAVEPOINT, UPGRADE, SUSPEND or CANCEL.")
    Type type,
    @JsonPropertyDescription("Client-chosen savepoint trigger id; retries reuse it so Flink does the work once.")
    String triggerId,
    @JsonPropertyDescription("The job the operation acts on.")
    String jobId,
    @JsonPropertyDescription("When the operation started (RFC 3339).")
    String startedAt,
    @JsonPropertyDescription("Why: the change or request that caused it.")
    String reason,
    @JsonPropertyDescription("Attempts made so far.")
    Integer attempts) {

  public enum Type {
    /** A savepoint while the job keeps running: periodic, or asked for. */
    SAVEPOINT,
    /** Stop with a savepoint (or cancel, by upgrade mode), then start the new version. */
    UPGRADE,
    /** Stop with a savepoint and release the cluster. */
    SUSPEND
  }

  public Operation retried() {
    return new Operation(type, triggerId, jobId, startedAt, reason, attempts == null ? 2 : attempts + 1);
  }
}
