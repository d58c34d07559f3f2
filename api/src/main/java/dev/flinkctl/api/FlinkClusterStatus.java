package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"observedGeneration", "phase", "flinkVersion", "conditions", "jobManager", "taskManager",
    "restUrl", "job"})
public record FlinkClusterStatus(
    @JsonPropertyDescription("The metadata.generation this status describes.")
    Long observedGeneration,
    @JsonPropertyDescription("Pending, Deploying, Running, Upgrading, Suspended, Failed or Invalid.")
    Phase phase,
    @JsonPropertyDescription("The Flink version in use (MAJOR.MINOR).")
    String flinkVersion,
    @JsonPropertyDescription("Standard conditions: Ready, ConfigValid, JobRunning, ...")
    List<Condition> conditions,
    @JsonPropertyDescription("JobManager replicas.")
    ComponentStatus jobManager,
    @JsonPropertyDescription("TaskManager replicas and their label selector.")
    ComponentStatus.Scalable taskManager,
    @JsonPropertyDescription("Where the Flink REST API and web UI answer.")
    String restUrl,
    @JsonPropertyDescription("The job, for application clusters.")
    JobStatus job) {

  public FlinkClusterStatus {
    conditions = conditions == null ? null : List.copyOf(conditions);
  }
}
