package dev.flinkctl.operator;

import dev.flinkctl.api.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ConfigMaps Flink's Kubernetes HA keeps for a cluster id: CLUSTER-cluster-config-map and
 * CLUSTER-JOBID-config-map (older versions also CLUSTER-*-leader). Flink creates them without owner
 * references, so they outlive the cluster, and a new cluster with the same name would recover the
 * old job graph from them.
 */
final class HaConfigMaps {
  /** Flink's own labels on them (1.x and 2.x): {@code configmap-type=high-availability}, {@code app=CLUSTER_ID}. */
  static final String TYPE_LABEL = "configmap-type";
  static final String HA_TYPE = "high-availability";
  static final String APP_LABEL = "app";

  private HaConfigMaps() {}

  static List<ConfigMap> find(KubernetesClient client, String namespace, String clusterId) {
    Pattern byName = Pattern.compile(Pattern.quote(clusterId)
        + "-(cluster-config-map|[0-9a-f]{32}-config-map|[a-z]+-leader)");
    return client.configMaps().inNamespace(namespace).list().getItems().stream()
        .filter(cm -> !isOurs(cm))
        .filter(cm -> labelled(cm, clusterId) || byName.matcher(cm.getMetadata().getName()).matches())
        .toList();
  }

  static int delete(KubernetesClient client, String namespace, String clusterId) {
    List<ConfigMap> found = find(client, namespace, clusterId);
    found.forEach(cm -> client.resource(cm).delete());
    return found.size();
  }

  private static boolean labelled(ConfigMap cm, String clusterId) {
    Map<String, String> labels = cm.getMetadata().getLabels();
    return labels != null && HA_TYPE.equals(labels.get(TYPE_LABEL)) && clusterId.equals(labels.get(APP_LABEL));
  }

  /** flinkctl's own NAME-config is removed with the other labelled objects. */
  private static boolean isOurs(ConfigMap cm) {
    Map<String, String> labels = cm.getMetadata().getLabels();
    return labels != null && Labels.MANAGER.equals(labels.get(Labels.MANAGED_BY));
  }
}
