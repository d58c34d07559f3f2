package dev.flinkctl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.api.JobSpec;
import dev.flinkctl.api.RescaleMode;
import dev.flinkctl.api.ServiceType;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A FlinkCluster with every default applied and every size parsed: what the renderers and the
 * control loop work from, so none of them re-derives a default.
 *
 * @param namespace null when the resource does not name one (render for {@code kubectl apply -n})
 * @param flinkConfiguration the user's keys, under their canonical (oldest) names
 */
public record ResolvedCluster(
    String name,
    String namespace,
    FlinkVersion version,
    String image,
    String imagePullPolicy,
    List<String> imagePullSecrets,
    String serviceAccount,
    boolean createServiceAccount,
    JobManager jobManager,
    TaskManager taskManager,
    SortedMap<String, String> flinkConfiguration,
    SortedMap<String, String> logConfiguration,
    Job job) {

  public record JobManager(int replicas, long memoryMiB, long cpuMillis, JsonNode template,
      ServiceType serviceType, Map<String, String> serviceAnnotations) {}

  public record TaskManager(int replicas, long memoryMiB, long cpuMillis, int slots, JsonNode template) {}

  /**
   * @param parallelism the effective parallelism; {@code pinned} when the user set it
   * @param rescale how capacity changes reach the job; never {@code AUTO}
   */
  public record Job(JobSpec spec, int parallelism, boolean pinned, RescaleMode rescale) {}

  public boolean highAvailability() {
    return jobManager.replicas() > 1;
  }

  public boolean isApplication() {
    return job != null;
  }

  public int totalSlots() {
    return taskManager.replicas() * taskManager.slots();
  }
}
