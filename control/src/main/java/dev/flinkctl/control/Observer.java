package dev.flinkctl.control;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Operation;
import dev.flinkctl.api.RescaleMode;
import dev.flinkctl.control.rest.CheckpointStats;
import dev.flinkctl.control.rest.FlinkApiException;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.FlinkJobState;
import dev.flinkctl.control.rest.FlinkRestException;
import dev.flinkctl.control.rest.JobDetails;
import dev.flinkctl.control.rest.SavepointStatus;
import dev.flinkctl.model.ResolvedCluster;
import java.time.Instant;
import java.util.Optional;

/** Gathers what the platform and Flink say about a cluster. Flink is asked only when a JobManager is up. */
final class Observer {
  private Observer() {}

  static Observation observe(Platform platform, ResolvedCluster cluster, FlinkClusterStatus status) {
    Deployment deployment = platform.observe(cluster);
    if (deployment.jobManagersReady() == 0) {
      return new Observation(deployment, null, null, null);
    }
    Optional<FlinkRestClient> rest = platform.rest(cluster);
    if (rest.isEmpty()) {
      return new Observation(deployment, null, null, "no REST endpoint yet");
    }
    try {
      JobObservation job = cluster.isApplication() ? job(rest.get(), status) : null;
      SavepointStatus savepoint = savepoint(rest.get(), status);
      if (job == null || !job.isRunning() || cluster.job().rescale() != RescaleMode.IN_PLACE) {
        return new Observation(deployment, job, savepoint, null);
      }
      try {
        return new Observation(deployment, job, savepoint, null, rest.get().resourceRequirements(job.jobId()), null);
      } catch (FlinkApiException e) {
        // Flink answered but will not rescale this job in place (not the adaptive scheduler, say).
        return new Observation(deployment, job, savepoint, null, null, e.getMessage());
      }
    } catch (FlinkRestException e) {
      return new Observation(deployment, null, null, e.getMessage());
    }
  }

  private static JobObservation job(FlinkRestClient rest, FlinkClusterStatus status) {
    String id = status.job() == null ? null : status.job().id();
    if (id == null) {
      return null;
    }
    try {
      JobDetails details = rest.job(id);
      CheckpointStats checkpoints = rest.checkpoints(id);
      CheckpointStats.Completed latest = checkpoints.latestCompleted();
      int parallelism = details.vertices().stream().mapToInt(JobDetails.Vertex::parallelism).max().orElse(0);
      String failure = details.state() == FlinkJobState.FAILED ? rest.exceptions(id).summary() : null;
      return new JobObservation(id, details.state(), parallelism, latest == null ? null : latest.id(),
          latest == null ? null : latest.externalPath(),
          latest == null ? null : Instant.ofEpochMilli(latest.latestAckTimestamp()).toString(), failure,
          details.vertices());
    } catch (FlinkApiException e) {
      if (e.isNotFound()) {
        return null;
      }
      throw e;
    }
  }

  private static SavepointStatus savepoint(FlinkRestClient rest, FlinkClusterStatus status) {
    Operation op = status.reconciliationOrEmpty().operation();
    if (op == null || op.triggerId() == null) {
      return null;
    }
    try {
      return rest.savepointStatus(op.jobId(), op.triggerId());
    } catch (FlinkApiException e) {
      if (e.isNotFound()) {
        return null;
      }
      throw e;
    }
  }
}
