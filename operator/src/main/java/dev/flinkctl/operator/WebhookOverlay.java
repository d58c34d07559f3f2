package dev.flinkctl.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;

/**
 * deploy/webhook, the kustomize overlay that adds the webhook to deploy/: the objects only the
 * webhook needs, and patches for the two objects that change (the Deployment and the operator's own Role).
 */
public final class WebhookOverlay {
  private WebhookOverlay() {}

  /** Objects install --webhook adds, in apply order. */
  public static List<HasMetadata> added(InstallManifests.Options webhook) {
    List<HasMetadata> plain = InstallManifests.objects(new InstallManifests.Options(webhook.namespace(),
        webhook.watchNamespaces(), false, webhook.image()));
    List<String> before = plain.stream().map(WebhookOverlay::id).toList();
    return InstallManifests.objects(webhook).stream().filter(o -> !before.contains(id(o))).toList();
  }

  /** Strategic-merge patches: containers, env and ports merge by name, so only the additions are listed. */
  public static List<HasMetadata> patches(InstallManifests.Options webhook) {
    List<HasMetadata> full = InstallManifests.objects(webhook);
    Role self = (Role) full.stream().filter(o -> o instanceof Role && o.getMetadata().getName().endsWith("-self"))
        .findFirst().orElseThrow();
    Deployment d = (Deployment) full.stream().filter(o -> o instanceof Deployment).findFirst().orElseThrow();
    var container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    Deployment patch = new DeploymentBuilder().withNewMetadata().withName(d.getMetadata().getName())
        .withNamespace(d.getMetadata().getNamespace()).endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName(container.getName())
        .withEnv(container.getEnv().stream().filter(e -> e.getName().startsWith("FLINKCTL_WEBHOOK")).toList())
        .withPorts(container.getPorts().stream().filter(p -> p.getName().equals("webhook")).toList())
        .endContainer().endSpec().endTemplate().endSpec().build();
    return List.of(patch, self);
  }

  private static String id(HasMetadata o) {
    return o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }

}
