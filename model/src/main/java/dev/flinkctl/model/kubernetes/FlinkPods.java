package dev.flinkctl.model.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flinkctl.api.Annotations;
import dev.flinkctl.api.Labels;
import dev.flinkctl.api.ResourceNames;
import dev.flinkctl.model.CpuAmounts;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.MemorySizes;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The parts JobManager and TaskManager pods share, and the merge of the user's pod template. */
final class FlinkPods {
  /** The uid the official Flink images create their flink user with. */
  static final long FLINK_UID = 9999;
  static final String CONF_DIR = "/opt/flink/conf";
  static final String CONF_VOLUME = "flink-config";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FlinkPods() {}

  static Container container(RenderContext ctx, String name, List<String> args, List<ContainerPort> ports,
      long memoryMiB, long cpuMillis, Probe readiness, Probe liveness) {
    Container c = new Container();
    c.setName(name);
    c.setImage(ctx.cluster().image());
    c.setImagePullPolicy(ctx.cluster().imagePullPolicy());
    c.setArgs(args);
    c.setEnv(env(ctx));
    c.setPorts(ports);
    c.setResources(resources(memoryMiB, cpuMillis));
    c.setReadinessProbe(readiness);
    c.setLivenessProbe(liveness);
    c.setVolumeMounts(List.of(confMount()));
    c.setSecurityContext(new SecurityContextBuilder().withAllowPrivilegeEscalation(false)
        .withNewCapabilities().withDrop("ALL").endCapabilities().build());
    return c;
  }

  private static List<EnvVar> env(RenderContext ctx) {
    List<EnvVar> env = new ArrayList<>();
    env.add(fieldRef("POD_IP", "status.podIP"));
    if (ctx.cluster().highAvailability()) {
      env.add(fieldRef("POD_NAMESPACE", "metadata.namespace"));
    }
    return env;
  }

  private static EnvVar fieldRef(String name, String path) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef()
        .withApiVersion("v1").withFieldPath(path).endFieldRef().endValueFrom().build();
  }

  /**
   * Settings that depend on the pod's namespace, passed as dynamic properties so that the same
   * rendered manifests work in whatever namespace they are applied to.
   */
  static List<String> haProperties(RenderContext ctx) {
    if (!ctx.cluster().highAvailability()) {
      return List.of();
    }
    return List.of(
        "-D", "kubernetes.namespace=$(POD_NAMESPACE)",
        "-D", "high-availability.cluster-id=$(POD_NAMESPACE)/" + ResourceNames.haClusterId(ctx.name()));
  }

  static ContainerPort port(String name, int number) {
    return new ContainerPortBuilder().withName(name).withContainerPort(number).withProtocol("TCP").build();
  }

  static Probe tcpProbe(int port, int initialDelay, int period, int failures) {
    return new ProbeBuilder().withNewTcpSocket().withNewPort(port).endTcpSocket()
        .withInitialDelaySeconds(initialDelay).withPeriodSeconds(period).withFailureThreshold(failures).build();
  }

  private static ResourceRequirements resources(long memoryMiB, long cpuMillis) {
    Map<String, Quantity> amounts = new TreeMap<>();
    amounts.put("cpu", new Quantity(CpuAmounts.kubernetes(cpuMillis)));
    amounts.put("memory", new Quantity(MemorySizes.kubernetes(memoryMiB)));
    return new ResourceRequirementsBuilder().withRequests(amounts).withLimits(new TreeMap<>(amounts)).build();
  }

  private static VolumeMount confMount() {
    return new VolumeMountBuilder().withName(CONF_VOLUME).withMountPath(CONF_DIR).withReadOnly(true).build();
  }

  private static Volume confVolume(RenderContext ctx, SortedMap<String, String> files) {
    List<KeyToPath> items = files.keySet().stream().map(f -> new KeyToPath(f, null, f)).toList();
    return new VolumeBuilder().withName(CONF_VOLUME).withNewConfigMap()
        .withName(ResourceNames.config(ctx.name())).withItems(items).endConfigMap().build();
  }

  /** The pod template for one component, with the user's template merged in. */
  static PodTemplateSpec template(RenderContext ctx, String component, Container main,
      SortedMap<String, String> configFiles, JsonNode userTemplate, String templateField, List<Finding> problems) {
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(Annotations.CONFIG_HASH, ctx.configHash());
    annotations.put("prometheus.io/scrape", "true");
    annotations.put("prometheus.io/port", Integer.toString(ctx.ports().metrics()));
    PodTemplateSpec generated = new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(Labels.component(ctx.name(), component)).withAnnotations(annotations).endMetadata()
        .withNewSpec()
        .withServiceAccountName(ctx.cluster().serviceAccount())
        .withImagePullSecrets(ctx.cluster().imagePullSecrets().isEmpty() ? null
            : ctx.cluster().imagePullSecrets().stream().map(LocalObjectReference::new).toList())
        .withSecurityContext(new PodSecurityContextBuilder().withRunAsUser(FLINK_UID).withRunAsGroup(FLINK_UID)
            .withFsGroup(FLINK_UID).withRunAsNonRoot(true).build())
        .withContainers(main)
        .withVolumes(confVolume(ctx, configFiles))
        .endSpec()
        .build();
    return withUserTemplate(generated, ctx.name(), component, userTemplate, templateField, problems);
  }

  private static PodTemplateSpec withUserTemplate(PodTemplateSpec generated, String cluster, String component,
      JsonNode user, String field, List<Finding> problems) {
    if (user == null || user.isNull()) {
      return generated;
    }
    if (!user.isObject()) {
      problems.add(Finding.error("pod-template", field, "the pod template is not an object",
          "give a pod template with metadata and spec, e.g. spec: {hostNetwork: true}"));
      return generated;
    }
    JsonNode merged = PodTemplateMerge.merge(JSON.valueToTree(generated), user);
    // The selector labels must survive whatever the template says, or the Deployment is rejected.
    ObjectNode labels = ((ObjectNode) merged).withObjectProperty("metadata").withObjectProperty("labels");
    Labels.selector(cluster, component).forEach(labels::put);
    try {
      PodTemplateSpec result = JSON.treeToValue(merged, PodTemplateSpec.class);
      for (String unknown : UnknownFields.in(result)) {
        problems.add(Finding.error("pod-template-field", field + "." + unknown,
            "not a field of a Kubernetes pod template", "check the spelling against the PodTemplateSpec reference"));
      }
      return result;
    } catch (Exception e) {
      problems.add(Finding.error("pod-template", field, "not a valid pod template: " + firstLine(e.getMessage()),
          "fix the template so it reads as a Kubernetes pod template (metadata, spec)"));
      return generated;
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
