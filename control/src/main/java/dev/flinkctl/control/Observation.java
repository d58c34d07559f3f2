package dev.flinkctl.control;

import dev.flinkctl.control.rest.ResourceRequirements;
import dev.flinkctl.control.rest.SavepointStatus;

/**
 * Everything the decision needs to know about the world, gathered before deciding.
 *
 * @param job null when there is no application job or Flink is not reachable
 * @param savepoint progress of the operation in status, or null
 * @param restError why Flink could not be asked, or null
 * @param requirements the running job's per-vertex parallelism bounds (adaptive scheduler), or null
 * @param requirementsError why Flink refused to report them, when it did: in-place rescaling is then impossible
 */
public record Observation(Deployment deployment, JobObservation job, SavepointStatus savepoint, String restError,
    ResourceRequirements requirements, String requirementsError) {

  public Observation(Deployment deployment, JobObservation job, SavepointStatus savepoint, String restError) {
    this(deployment, job, savepoint, restError, null, null);
  }
}
