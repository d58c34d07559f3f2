package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What was last deployed and what is in flight: the control loop's write-ahead record. The spec
 * is kept as a structured object (not a string) so that diffs are field by field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reconciliation(
    @JsonPropertyDescription("The metadata.generation of the applied spec.")
    Long appliedGeneration,
    @JsonPropertyDescription("The spec that is deployed now.")
    FlinkClusterSpec appliedSpec,
    @JsonPropertyDescription("Run number of the application job; each upgrade starts a new run with a new job id.")
    Long run,
    @JsonPropertyDescription("Savepoint or checkpoint the current run started from.")
    String restorePath,
    @JsonPropertyDescription("Value of spec.job.savepointTriggerNonce last acted on.")
    Long savepointTriggerNonce,
    @JsonPropertyDescription("The operation in flight, if any.")
    Operation operation,
    @JsonPropertyDescription("Why the last attempt failed, if it did.")
    String lastError) {

  public static Reconciliation empty() {
    return new Reconciliation(null, null, null, null, null, null, null);
  }

  public Reconciliation withOperation(Operation op) {
    return new Reconciliation(appliedGeneration, appliedSpec, run, restorePath, savepointTriggerNonce, op, lastError);
  }

  public Reconciliation withError(String error) {
    return new Reconciliation(appliedGeneration, appliedSpec, run, restorePath, savepointTriggerNonce, operation, error);
  }

  public Reconciliation withNonce(Long nonce) {
    return new Reconciliation(appliedGeneration, appliedSpec, run, restorePath, nonce, operation, lastError);
  }

  public Reconciliation applied(Long generation, FlinkClusterSpec spec, Long newRun, String restore) {
    return new Reconciliation(generation, spec, newRun, restore, savepointTriggerNonce, null, null);
  }
}
