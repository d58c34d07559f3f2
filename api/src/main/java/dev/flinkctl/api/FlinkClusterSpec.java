package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"image", "imagePullPolicy", "imagePullSecrets", "flinkVersion", "serviceAccount",
    "jobManager", "taskManager", "flinkConfiguration", "logConfiguration", "job", "autoscaler"})
public record FlinkClusterSpec(
    @Required
    @JsonPropertyDescription("Flink container image, e.g. flink:1.18. Its tag gives the Flink version unless flinkVersion is set.")
    String image,
    @JsonPropertyDescription("Always, IfNotPresent or Never. Kubernetes' default applies when unset.")
    String imagePullPolicy,
    @JsonPropertyDescription("Secrets for pulling the image from a private registry.")
    List<SecretReference> imagePullSecrets,
    @JsonPropertyDescription("Flink version as MAJOR.MINOR, e.g. 1.20. Required when the image tag does not say it.")
    String flinkVersion,
    @JsonPropertyDescription("Service account of the Flink pods. With HA and none given, one is created.")
    String serviceAccount,
    @JsonPropertyDescription("JobManager: replicas (more than 1 turns on high availability), resources, pod template, REST service.")
    JobManagerSpec jobManager,
    @JsonPropertyDescription("TaskManagers: replicas, resources, slots, pod template.")
    @Default("{}")
    TaskManagerSpec taskManager,
    @JsonPropertyDescription("Flink configuration keys and values, written into the cluster's configuration file.")
    Map<String, String> flinkConfiguration,
    @JsonPropertyDescription("Logging configuration files by name (log4j-console.properties, log4j.properties); replaces the defaults.")
    Map<String, String> logConfiguration,
    @JsonPropertyDescription("The job of an application cluster. Absent: a session cluster that accepts submitted jobs.")
    JobSpec job,
    @JsonPropertyDescription("The built-in autoscaler (application clusters): TaskManagers from busy time, backpressure and Kafka lag.")
    AutoscalerSpec autoscaler) {

  public FlinkClusterSpec {
    imagePullSecrets = imagePullSecrets == null ? null : List.copyOf(imagePullSecrets);
    flinkConfiguration = flinkConfiguration == null ? null : Map.copyOf(flinkConfiguration);
    logConfiguration = logConfiguration == null ? null : Map.copyOf(logConfiguration);
  }

  public FlinkClusterSpec withTaskManager(TaskManagerSpec tm) {
    return new FlinkClusterSpec(image, imagePullPolicy, imagePullSecrets, flinkVersion, serviceAccount,
        jobManager, tm, flinkConfiguration, logConfiguration, job, autoscaler);
  }

  public FlinkClusterSpec withJob(JobSpec newJob) {
    return new FlinkClusterSpec(image, imagePullPolicy, imagePullSecrets, flinkVersion, serviceAccount,
        jobManager, taskManager, flinkConfiguration, logConfiguration, newJob, autoscaler);
  }

  public FlinkClusterSpec withFlinkConfiguration(Map<String, String> conf) {
    return new FlinkClusterSpec(image, imagePullPolicy, imagePullSecrets, flinkVersion, serviceAccount,
        jobManager, taskManager, conf, logConfiguration, job, autoscaler);
  }

  public FlinkClusterSpec withAutoscaler(AutoscalerSpec a) {
    return new FlinkClusterSpec(image, imagePullPolicy, imagePullSecrets, flinkVersion, serviceAccount,
        jobManager, taskManager, flinkConfiguration, logConfiguration, job, a);
  }
}
