package dev.flinkctl.operator;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;

/** The operator's own Deployment: one replica (leader election makes a second one safe), locked down. */
final class OperatorDeployment {
  static final String APP_LABEL = "app.kubernetes.io/name";
  static final int HTTP_PORT = 8080;
  static final int WEBHOOK_PORT = 9443;

  private OperatorDeployment() {}

  static Deployment build(InstallManifests.Options o, ObjectMeta meta, List<EnvVar> env) {
    Map<String, String> selector = Map.of(APP_LABEL, InstallManifests.NAME);
    var container = new io.fabric8.kubernetes.api.model.ContainerBuilder()
        .withName("operator").withImage(o.image()).withImagePullPolicy("IfNotPresent").withEnv(env)
        .addNewPort().withName("http").withContainerPort(HTTP_PORT).endPort()
        .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("http")).endHttpGet()
        .withInitialDelaySeconds(10).withPeriodSeconds(20).endLivenessProbe()
        .withNewReadinessProbe().withNewHttpGet().withPath("/readyz").withPort(new IntOrString("http")).endHttpGet()
        .withPeriodSeconds(10).endReadinessProbe()
        .withNewResources().addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("256Mi"))
        .addToLimits("memory", new Quantity("512Mi")).endResources()
        .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
        .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
        // The JVM writes perf data and temp files; the root filesystem is read-only.
        .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount();
    if (o.webhook()) {
      container.addNewPort().withName("webhook").withContainerPort(WEBHOOK_PORT).endPort();
    }
    return new DeploymentBuilder().withMetadata(meta).withNewSpec().withReplicas(1)
        .withNewSelector().withMatchLabels(selector).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(selector)
        .addToAnnotations("prometheus.io/scrape", "true").addToAnnotations("prometheus.io/port", "" + HTTP_PORT)
        .endMetadata()
        .withNewSpec().withServiceAccountName(InstallManifests.NAME)
        .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(65532L).withRunAsGroup(65532L)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
        .withContainers(container.build())
        .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec().endTemplate().endSpec().build();
  }
}
