package dev.flinkctl.model.doctor;

import dev.flinkctl.api.ResourceNames;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.ResolvedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HA keys that fight the spec. flinkctl turns high availability on with jobManager.replicas > 1
 * and then decides the HA type, cluster ids and RBAC itself (seed article 1: replicas 2 turns HA
 * on), so HA keys written by hand are either overridden or left without what they need.
 */
final class HaRules {
  private HaRules() {}

  static List<Finding> check(RuleContext ctx) {
    ResolvedCluster c = ctx.cluster();
    String type = ctx.user(ConfigKeys.HA_TYPE);
    List<Finding> findings = new ArrayList<>();
    if (!c.highAvailability()) {
      if (type != null && !type.trim().equalsIgnoreCase("none")) {
        findings.add(Rule.HA_KEYS_CONFLICT.at(ctx.field(ConfigKeys.HA_TYPE),
            "high availability is set to '" + type + "' but jobManager.replicas is 1: flinkctl turns HA on only"
                + " with more than one JobManager, so it creates no Role for Flink's HA ConfigMaps, no cluster id"
                + " and no standby, and the JobManager fails or runs without them",
            "set spec.jobManager.replicas: 2 and remove " + ConfigKeys.HA_TYPE + ", or remove it for no HA"));
      }
      return findings;
    }
    if (type != null && !type.trim().toLowerCase(Locale.ROOT).equals("kubernetes")
        && !type.contains("KubernetesHaServicesFactory")) {
      findings.add(Rule.HA_KEYS_CONFLICT.at(ctx.field(ConfigKeys.HA_TYPE),
          "high availability is set to '" + type + "' but jobManager.replicas > 1 makes flinkctl use Kubernetes HA;"
              + " the value is replaced" + (type.equalsIgnoreCase("zookeeper") ? " and the ZooKeeper keys are unused" : ""),
          "remove " + ConfigKeys.HA_TYPE + " and the other HA keys: replicas > 1 sets them"));
    }
    String clusterId = ctx.user("kubernetes.cluster-id");
    if (clusterId != null && !clusterId.equals(ResourceNames.haClusterId(c.name()))) {
      findings.add(Rule.HA_KEYS_CONFLICT.at(ctx.field("kubernetes.cluster-id"),
          "kubernetes.cluster-id '" + clusterId + "' is replaced by '" + ResourceNames.haClusterId(c.name())
              + "': the HA ConfigMaps and their Role are named after the cluster",
          "remove kubernetes.cluster-id"));
    }
    if (ctx.isSet(ConfigKeys.HA_CLUSTER_ID)) {
      findings.add(Rule.HA_KEYS_CONFLICT.at(ctx.field(ConfigKeys.HA_CLUSTER_ID),
          "high-availability.cluster-id is overridden on the command line with NAMESPACE/" + c.name()
              + " so that clusters never share an HA storage path; the value here is never used",
          "remove high-availability.cluster-id"));
    }
    if (type == null || type.trim().equalsIgnoreCase("kubernetes")) {
      ctx.written().keySet().stream().filter(k -> k.startsWith("high-availability.zookeeper.")).findFirst()
          .ifPresent(k -> findings.add(Rule.HA_KEYS_CONFLICT.at("spec.flinkConfiguration." + k,
              k + " configures ZooKeeper HA, but this cluster uses Kubernetes HA, which ignores it",
              "remove the high-availability.zookeeper.* keys")));
    }
    return findings;
  }
}
