package dev.flinkctl.control;

import dev.flinkctl.control.rest.SavepointStatus;

/**
 * Everything the decision needs to know about the world, gathered before deciding.
 *
 * @param job null when there is no application job or Flink is not reachable
 * @param savepoint progress of the operation in status, or null
 * @param restError why Flink could not be asked, or null
 */
public record Observation(Deployment deployment, JobObservation job, SavepointStatus savepoint, String restError) {}
