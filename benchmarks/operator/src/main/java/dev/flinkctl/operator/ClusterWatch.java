package dev.flinkctl.operator;

import dev.flinkctl.api.Annotations;
import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.Labels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;

/** What the benchmark's own client sees, through informers, so that watching costs the API nothing per poll. */
final class ClusterWatch implements AutoCloseable {
  private final SharedIndexInformer<FlinkCluster> clusters;
  private final SharedIndexInformer<Deployment> deployments;
  private final SharedIndexInformer<PodDisruptionBudget> budgets;

  ClusterWatch(KubernetesClient client) {
    clusters = client.resources(FlinkCluster.class).inAnyNamespace().inform();
    deployments = client.apps().deployments().inAnyNamespace().withLabel(Labels.MANAGED_BY, Labels.MANAGER).inform();
    budgets = client.policy().v1().podDisruptionBudget().inAnyNamespace().withLabel(Labels.MANAGED_BY, Labels.MANAGER)
        .inform();
  }

  /** Status written for every cluster, and the last object of each (TaskManager Deployment, or the HA budget) there. */
  boolean converged(int clusterCount, int haCount) {
    long withStatus = clusters.getStore().list().stream().filter(c -> c.getStatus() != null
        && c.getStatus().observedGeneration() != null).count();
    long taskManagers = deployments.getStore().list().stream()
        .filter(d -> d.getMetadata().getName().endsWith("-taskmanager")).count();
    return withStatus == clusterCount && taskManagers == clusterCount && budgets.getStore().list().size() == haCount;
  }

  String progress() {
    return clusters.getStore().list().stream().filter(c -> c.getStatus() != null).count() + " statuses, "
        + deployments.getStore().list().size() + " deployments, " + budgets.getStore().list().size() + " budgets";
  }

  /** The TaskManager pod template's config hash, as last seen. */
  String taskManagerHash(String namespace, String cluster) {
    Deployment d = deployments.getStore().getByKey(namespace + "/" + cluster + "-taskmanager");
    Map<String, String> annotations = d == null ? null : d.getSpec().getTemplate().getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(Annotations.CONFIG_HASH);
  }

  @Override
  public void close() {
    clusters.close();
    deployments.close();
    budgets.close();
  }
}
