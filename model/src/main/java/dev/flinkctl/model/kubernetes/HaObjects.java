package dev.flinkctl.model.kubernetes;

import dev.flinkctl.api.Labels;
import dev.flinkctl.api.ResourceNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * What Kubernetes HA needs besides configuration: the right to keep leader and job metadata in
 * ConfigMaps, and a disruption budget so that a node drain never takes every JobManager at once.
 */
final class HaObjects {
  private HaObjects() {}

  static List<HasMetadata> build(RenderContext ctx) {
    List<HasMetadata> objects = new ArrayList<>();
    if (!ctx.cluster().highAvailability()) {
      return objects;
    }
    String name = ctx.name();
    if (ctx.cluster().createServiceAccount()) {
      objects.add(new ServiceAccountBuilder().withMetadata(ctx.metadata(ResourceNames.serviceAccount(name), null))
          .build());
    }
    objects.add(new RoleBuilder()
        .withMetadata(ctx.metadata(ResourceNames.haRole(name), null))
        .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("configmaps")
            .withVerbs("get", "list", "watch", "create", "update", "delete").build())
        .build());
    objects.add(new RoleBindingBuilder()
        .withMetadata(ctx.metadata(ResourceNames.haRole(name), null))
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
        .withName(ResourceNames.haRole(name)).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(ctx.cluster().serviceAccount())
        .withNamespace(ctx.cluster().namespace()).endSubject()
        .build());
    return objects;
  }

  static List<HasMetadata> disruptionBudget(RenderContext ctx) {
    if (!ctx.cluster().highAvailability()) {
      return List.of();
    }
    return List.of(new PodDisruptionBudgetBuilder()
        .withMetadata(ctx.metadata(ResourceNames.jobManagerDisruptionBudget(ctx.name()), Labels.JOBMANAGER))
        .withNewSpec()
        .withMinAvailable(new IntOrString(1))
        .withNewSelector().withMatchLabels(Labels.selector(ctx.name(), Labels.JOBMANAGER)).endSelector()
        .endSpec()
        .build());
  }
}
