package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"observedGeneration", "phase", "flinkVersion", "conditions", "jobManager", "taskManager",
    "restUrl", "job", "rescale", "autoscaler", "savepoints", "sessionJobs", "reconciliation"})
public record FlinkClusterStatus(
    @JsonPropertyDescription("The metadata.generation this status describes.")
    Long observedGeneration,
    @JsonPropertyDescription("Pending, Deploying, Running, Upgrading, Suspended, Failed or Invalid.")
    Phase phase,
    @JsonPropertyDescription("The Flink version in use (MAJOR.MINOR).")
    String flinkVersion,
    @JsonPropertyDescription("Standard conditions: Ready, ConfigValid, JobRunning.")
    List<Condition> conditions,
    @JsonPropertyDescription("JobManager replicas.")
    ComponentStatus jobManager,
    @JsonPropertyDescription("TaskManager replicas and their label selector.")
    ComponentStatus.Scalable taskManager,
    @JsonPropertyDescription("Where the Flink REST API and web UI answer.")
    String restUrl,
    @JsonPropertyDescription("The job, for application clusters.")
    JobStatus job,
    @JsonPropertyDescription("The latest rescale of the job: from/to parallelism, how, in progress or done.")
    RescaleStatus rescale,
    @JsonPropertyDescription("The autoscaler's latest capacity decision and the signals behind it.")
    AutoscalerStatus autoscaler,
    @JsonPropertyDescription("Completed savepoints, newest last, trimmed to spec.job.savepointHistoryLimit.")
    List<JobStatus.SavepointInfo> savepoints,
    @JsonPropertyDescription("Jobs submitted to a session cluster.")
    List<SessionJob> sessionJobs,
    @JsonPropertyDescription("What is deployed and what is in flight: the controller's write-ahead record.")
    Reconciliation reconciliation) {

  public FlinkClusterStatus {
    conditions = conditions == null ? null : List.copyOf(conditions);
    savepoints = savepoints == null ? null : List.copyOf(savepoints);
    sessionJobs = sessionJobs == null ? null : List.copyOf(sessionJobs);
  }

  public static FlinkClusterStatus initial() {
    return new FlinkClusterStatus(null, Phase.Pending, null, null, null, null, null, null, null, null, null, null,
        Reconciliation.empty());
  }

  public Reconciliation reconciliationOrEmpty() {
    return reconciliation == null ? Reconciliation.empty() : reconciliation;
  }

  public FlinkClusterStatus withPhase(Phase p) {
    return new FlinkClusterStatus(observedGeneration, p, flinkVersion, conditions, jobManager, taskManager, restUrl,
        job, rescale, autoscaler, savepoints, sessionJobs, reconciliation);
  }

  public FlinkClusterStatus withObservedGeneration(Long g) {
    return new FlinkClusterStatus(g, phase, flinkVersion, conditions, jobManager, taskManager, restUrl,
        job, rescale, autoscaler, savepoints, sessionJobs, reconciliation);
  }

  public FlinkClusterStatus withFlinkVersion(String v) {
    return new FlinkClusterStatus(observedGeneration, phase, v, conditions, jobManager, taskManager, restUrl,
        job, rescale, autoscaler, savepoints, sessionJobs, reconciliation);
  }

  public FlinkClusterStatus withConditions(List<Condition> c) {
    return new FlinkClusterStatus(observedGeneration, phase, flinkVersion, c, jobManager, taskManager, restUrl,
        job, rescale, autoscaler, savepoints, sessionJobs, reconciliation);
  }

  public FlinkClusterStatus withReplicas(ComponentStatus jm, ComponentStatus.Scalable tm) {
    return new FlinkClusterStatus(observedGeneration, phase, flinkVersion, conditions, jm, tm, restUrl,
        job, rescale, autoscaler, savepoints, sessionJobs, reconciliation);
  }

  public FlinkClusterStatus withRestUrl(String url) {
    return new FlinkClusterStatus(observedGeneration, phase, flinkVersion, conditions, jobManager, taskManager, url,
        job, rescale, autoscaler, savepoints, sessionJobs, reconciliation);
  }

  public FlinkClusterStatus withJob(JobStatus j) {
    return new FlinkClusterStatus(observedGeneration, phase, flinkVersion, conditions, jobManager, taskManager,
        restUrl, j, rescale, autoscaler, savepoints, sessionJobs, reconciliation);
  }

  public FlinkClusterStatus withSavepoints(List<JobStatus.SavepointInfo> s) {
    return new FlinkClusterStatus(observedGeneration, phase, flinkVersion, conditions, jobManager, taskManager,
        restUrl, job, rescale, autoscaler, s, sessionJobs, reconciliation);
  }

  public FlinkClusterStatus withSessionJobs(List<SessionJob> s) {
    return new FlinkClusterStatus(observedGeneration, phase, flinkVersion, conditions, jobManager, taskManager,
        restUrl, job, rescale, autoscaler, savepoints, s, reconciliation);
  }

  public FlinkClusterStatus withReconciliation(Reconciliation r) {
    return new FlinkClusterStatus(observedGeneration, phase, flinkVersion, conditions, jobManager, taskManager,
        restUrl, job, rescale, autoscaler, savepoints, sessionJobs, r);
  }

  public FlinkClusterStatus withRescale(RescaleStatus r) {
    return new FlinkClusterStatus(observedGeneration, phase, flinkVersion, conditions, jobManager, taskManager,
        restUrl, job, r, autoscaler, savepoints, sessionJobs, reconciliation);
  }

  public FlinkClusterStatus withAutoscaler(AutoscalerStatus a) {
    return new FlinkClusterStatus(observedGeneration, phase, flinkVersion, conditions, jobManager, taskManager,
        restUrl, job, rescale, a, savepoints, sessionJobs, reconciliation);
  }
}
