package dev.flinkctl.control;

import dev.flinkctl.api.ComponentStatus;
import dev.flinkctl.api.Conditions;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Labels;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.rest.FlinkJobState;
import dev.flinkctl.model.ResolvedCluster;
import java.time.Instant;

/** Folds an observation into status: replicas, job state, latest checkpoint, phase and conditions. */
final class StatusRefresh {
  private StatusRefresh() {}

  static FlinkClusterStatus apply(FlinkClusterStatus status, ResolvedCluster c, Observation obs, String restUrl,
      long generation, Instant now) {
    Deployment d = obs.deployment();
    FlinkClusterStatus s = status.withObservedGeneration(generation).withFlinkVersion(c.version().toString())
        .withRestUrl(restUrl)
        .withReplicas(ComponentStatus.of(c.jobManager().replicas(), d.jobManagers(), d.jobManagersReady()),
            ComponentStatus.Scalable.of(c.taskManager().replicas(), d.taskManagers(), d.taskManagersReady(),
                Labels.selectorString(c.name(), Labels.TASKMANAGER)));
    if (obs.job() != null) {
      s = s.withJob(Decider.withCheckpoint(s.job(), obs.job()));
    }
    s = s.withPhase(phase(s, c, obs));
    boolean ready = s.phase() == Phase.Running;
    s = s.withConditions(ConditionSet.set(s.conditions(), Conditions.CONFIG_VALID, true, "Valid",
        "the spec passed validation", generation, now));
    s = s.withConditions(ConditionSet.set(s.conditions(), Conditions.READY, ready, ready ? "Running" : s.phase().name(),
        readyMessage(s, c, obs), generation, now));
    if (c.isApplication()) {
      boolean running = obs.job() != null && obs.job().isRunning();
      String state = obs.job() == null ? "unknown" : obs.job().state().name();
      s = s.withConditions(ConditionSet.set(s.conditions(), Conditions.JOB_RUNNING, running, state,
          "job " + (s.job() == null ? "" : s.job().id() + " ") + "is " + state, generation, now));
    }
    return s;
  }

  private static Phase phase(FlinkClusterStatus s, ResolvedCluster c, Observation obs) {
    Phase current = s.phase();
    if (current == Phase.Suspended || current == Phase.Upgrading || s.reconciliationOrEmpty().operation() != null
        && current != Phase.Running) {
      return current;
    }
    if (obs.deployment().failure() != null) {
      return Phase.Failed;
    }
    if (s.reconciliationOrEmpty().lastError() != null && !obs.deployment().exists()) {
      return Phase.Failed;
    }
    if (obs.job() != null && obs.job().state() == FlinkJobState.FAILED) {
      return Phase.Failed;
    }
    boolean up = obs.deployment().exists()
        && obs.deployment().jobManagersReady() >= 1
        && obs.deployment().taskManagersReady() >= c.taskManager().replicas();
    boolean jobOk = !c.isApplication() || obs.job() != null && obs.job().isRunning();
    return up && jobOk ? Phase.Running : Phase.Deploying;
  }

  private static String readyMessage(FlinkClusterStatus s, ResolvedCluster c, Observation obs) {
    if (s.reconciliationOrEmpty().lastError() != null && !obs.deployment().exists()) {
      return s.reconciliationOrEmpty().lastError();
    }
    if (obs.deployment().failure() != null) {
      return obs.deployment().failure();
    }
    if (obs.job() != null && obs.job().failure() != null) {
      return "job " + obs.job().state() + ": " + obs.job().failure();
    }
    JobStatus job = s.job();
    return "JobManagers " + obs.deployment().jobManagersReady() + "/" + c.jobManager().replicas()
        + ", TaskManagers " + obs.deployment().taskManagersReady() + "/" + c.taskManager().replicas()
        + (c.isApplication() ? ", job " + (job == null || job.state() == null ? "not started" : job.state()) : "");
  }
}
