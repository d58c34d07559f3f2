package dev.flinkctl.operator;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything `flinkctl install` prints, in apply order: CRD, namespace, identity, RBAC, the operator, its Services. */
public final class InstallManifests {
  public static final String NAME = OperatorSettings.NAME;
  public static final String WEBHOOK_SERVICE = NAME + "-webhook";
  public static final String WEBHOOK_SECRET = NAME + "-webhook-tls";
  public static final String WEBHOOK_PATH = "/validate";
  static final String CRD_RESOURCE = "crds/flinkclusters.flink.apache.org-v1.yml";

  /**
   * @param watchNamespaces empty: all namespaces, with a ClusterRole; else a Role in each
   */
  public record Options(String namespace, List<String> watchNamespaces, boolean webhook, String image) {
    public Options {
      watchNamespaces = List.copyOf(watchNamespaces);
    }
  }

  private InstallManifests() {}

  public static String defaultImage() {
    return "flinkctl/operator:" + OperatorVersion.get();
  }

  public static List<HasMetadata> objects(Options o) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(crd());
    out.add(new NamespaceBuilder().withMetadata(meta(o.namespace(), null)).build());
    out.add(new ServiceAccountBuilder().withMetadata(meta(NAME, o.namespace())).build());
    List<PolicyRule> rules = OperatorRbac.clusters();
    if (o.watchNamespaces().isEmpty()) {
      out.add(new ClusterRoleBuilder().withMetadata(meta(NAME, null)).withRules(rules).build());
      out.add(new ClusterRoleBindingBuilder().withMetadata(meta(NAME, null)).withNewRoleRef()
          .withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName(NAME).endRoleRef()
          .withSubjects(subject(o)).build());
    } else {
      for (String ns : o.watchNamespaces()) {
        out.add(new RoleBuilder().withMetadata(meta(NAME, ns)).withRules(rules).build());
        out.add(roleBinding(NAME, ns, o));
      }
    }
    String own = NAME + "-self";
    out.add(new RoleBuilder().withMetadata(meta(own, o.namespace())).withRules(OperatorRbac.own(o.webhook(),
        WEBHOOK_SECRET)).build());
    out.add(roleBinding(own, o.namespace(), o));
    if (o.webhook()) {
      String webhookRole = NAME + "-webhook";
      out.add(new ClusterRoleBuilder().withMetadata(meta(webhookRole, null))
          .withRules(OperatorRbac.webhookConfiguration(NAME)).build());
      out.add(new ClusterRoleBindingBuilder().withMetadata(meta(webhookRole, null)).withNewRoleRef()
          .withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName(webhookRole).endRoleRef()
          .withSubjects(subject(o)).build());
    }
    out.add(OperatorDeployment.build(o, meta(NAME, o.namespace()), env(o)));
    out.add(new ServiceBuilder().withMetadata(meta(NAME + "-metrics", o.namespace())).withNewSpec()
        .withSelector(Map.of(OperatorDeployment.APP_LABEL, NAME)).addNewPort().withName("http").withPort(8080)
        .withTargetPort(new IntOrString("http")).endPort().endSpec().build());
    if (o.webhook()) {
      out.add(new ServiceBuilder().withMetadata(meta(WEBHOOK_SERVICE, o.namespace())).withNewSpec()
          .withSelector(Map.of(OperatorDeployment.APP_LABEL, NAME)).addNewPort().withName("https").withPort(443)
          .withTargetPort(new IntOrString("webhook")).endPort().endSpec().build());
      out.add(webhookConfiguration(o));
    }
    return out;
  }

  /** caBundle is left out: the operator fills it in with the CA it creates, and re-applying this keeps it. */
  private static HasMetadata webhookConfiguration(Options o) {
    return new ValidatingWebhookConfigurationBuilder().withMetadata(meta(NAME, null)).addNewWebhook()
        .withName("flinkclusters.flink.apache.org").withAdmissionReviewVersions("v1").withSideEffects("None")
        .withFailurePolicy("Fail").withTimeoutSeconds(10)
        .withNewClientConfig().withNewService().withNamespace(o.namespace()).withName(WEBHOOK_SERVICE)
        .withPath(WEBHOOK_PATH).withPort(443).endService().endClientConfig()
        .addNewRule().withApiGroups("flink.apache.org").withApiVersions("*").withResources("flinkclusters")
        .withOperations("CREATE", "UPDATE").withScope("Namespaced").endRule()
        .endWebhook().build();
  }

  private static List<EnvVar> env(Options o) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVarBuilder().withName("POD_NAMESPACE").withNewValueFrom().withNewFieldRef()
        .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().build());
    if (!o.watchNamespaces().isEmpty()) {
      env.add(new EnvVar("FLINKCTL_WATCH_NAMESPACES", String.join(",", o.watchNamespaces()), null));
    }
    if (o.webhook()) {
      env.add(new EnvVar("FLINKCTL_WEBHOOK", "true", null));
    }
    return env;
  }

  private static HasMetadata roleBinding(String name, String namespace, Options o) {
    return new RoleBindingBuilder().withMetadata(meta(name, namespace)).withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
        .withSubjects(subject(o)).build();
  }

  private static io.fabric8.kubernetes.api.model.rbac.Subject subject(Options o) {
    return new SubjectBuilder().withKind("ServiceAccount").withName(NAME).withNamespace(o.namespace()).build();
  }

  static ObjectMeta meta(String name, String namespace) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("app.kubernetes.io/name", NAME);
    labels.put("app.kubernetes.io/part-of", "flinkctl");
    return new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels).build();
  }

  /** The CRD the api module generated, copied into this jar at build time. */
  static CustomResourceDefinition crd() {
    try (InputStream in = InstallManifests.class.getResourceAsStream(CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CRD_RESOURCE + " is missing from the operator jar");
      }
      return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
