package dev.flinkctl.model.kubernetes;

import dev.flinkctl.api.Labels;
import dev.flinkctl.model.EffectiveConfig;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.ResolvedCluster;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;

/** Everything one cluster's object builders share. */
record RenderContext(ResolvedCluster cluster, EffectiveConfig config, String configFileName, String configHash,
    Ports ports, List<OwnerReference> owners, JobLaunch launch) {

  String name() {
    return cluster.name();
  }

  ObjectMeta metadata(String objectName, String component) {
    Map<String, String> labels = component == null ? Labels.cluster(name()) : Labels.component(name(), component);
    return new ObjectMetaBuilder()
        .withName(objectName)
        .withNamespace(cluster.namespace())
        .withLabels(labels)
        .withOwnerReferences(owners.isEmpty() ? null : owners)
        .build();
  }
}
