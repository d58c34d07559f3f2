package dev.flinkctl.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> LABELS =
      Map.of("app.kubernetes.io/name", "flink", "app.kubernetes.io/component", "jobmanager");

  private static Deployment deployment() {
    return new DeploymentBuilder()
        .withNewMetadata().withName("demo-jobmanager").withNamespace("flink").withLabels(LABELS).endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector().withMatchLabels(LABELS).endSelector()
        .withNewStrategy().withNewRollingUpdate()
        .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate().endStrategy()
        .withNewTemplate()
        .withNewMetadata().withLabels(LABELS).endMetadata()
        .withNewSpec().withContainers(container().build()).endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static ContainerBuilder container() {
    return new ContainerBuilder()
        .withName("flink-main-container")
        .withImage("flink:1.20")
        .addNewPort().withName("rest").withContainerPort(8081).endPort()
        .addNewPort().withName("blob-server").withContainerPort(6124).endPort()
        .withNewResources()
        .addToRequests("memory", new Quantity("2Gi")).addToRequests("cpu", new Quantity("500m"))
        .addToLimits("memory", new Quantity("2Gi"))
        .endResources()
        .withNewLivenessProbe().withNewTcpSocket().withPort(new IntOrString("rest")).endTcpSocket().endLivenessProbe();
  }

  private static Service service(String name) {
    return new ServiceBuilder()
        .withNewMetadata().withName(name).withLabels(LABELS).endMetadata()
        .withNewSpec()
        .withSelector(LABELS)
        .addNewPort().withName("rest").withPort(8081).withTargetPort(new IntOrString("rest")).endPort()
        .addNewPort().withName("blob").withPort(6124).withTargetPort(new IntOrString(6124)).endPort()
        .endSpec()
        .build();
  }

  @Nested
  class Valid {
    @Test
    void deployment() {
      KubernetesSchema.assertValid(KubernetesSchemaTest.deployment());
    }

    @Test
    void service() {
      KubernetesSchema.assertValid(KubernetesSchemaTest.service("demo-rest"));
    }

    @Test
    void configMap() {
      ConfigMap configMap = new ConfigMapBuilder()
          .withNewMetadata().withName("demo-config.v1").withLabels(LABELS)
          .addToAnnotations("flinkctl.dev/hash", "abc").endMetadata()
          .addToData("config.yaml", "jobmanager.rpc.port: 6123\n")
          .build();
      KubernetesSchema.assertValid(configMap);
    }

    @Test
    void role() {
      Role role = new RoleBuilder()
          .withNewMetadata().withName("demo-flink").endMetadata()
          .addNewRule().withApiGroups("").withResources("configmaps", "pods").withVerbs("get", "list", "watch").endRule()
          .build();
      KubernetesSchema.assertValid(role);
    }

    @Test
    void rbacNamesMayHoldColons() {
      KubernetesSchema.assertValid(new ClusterRoleBuilder().withNewMetadata().withName("system:flinkctl").endMetadata().build());
    }

    @Test
    void jsonText() {
      assertThat(KubernetesSchema.problems("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}"))
          .isEmpty();
    }
  }

  @Nested
  class Schema {
    @Test
    void unknownFieldIsAProblem() {
      JsonNode json = JSON.valueToTree(deployment());
      ((ObjectNode) json.get("spec")).put("replicaz", 3);

      assertThat(KubernetesSchema.problems(json))
          .singleElement().asString().contains("replicaz").contains("V1DeploymentSpec").hasSizeLessThan(250);
    }

    @Test
    void missingRequiredFieldIsAProblem() {
      Deployment deployment = deployment();
      deployment.getSpec().getTemplate().getSpec().getContainers().get(0).setName(null);

      assertThat(KubernetesSchema.problems(deployment)).anySatisfy(p -> assertThat(p).contains("required field `name`").contains("flink:1.20"));
    }

    @Test
    void wrongJsonTypeIsAProblem() {
      JsonNode json = JSON.valueToTree(deployment());
      ((ObjectNode) json.at("/spec/template/spec/containers/0")).putArray("image").add("flink");

      assertThat(KubernetesSchema.problems(json)).anySatisfy(p -> assertThat(p).contains("`image`"));
    }

    @ParameterizedTest
    @CsvSource({
      "v1, ConfigMap, V1ConfigMap",
      "v1, Service, V1Service",
      "v1, ServiceAccount, V1ServiceAccount",
      "v1, Secret, V1Secret",
      "v1, Pod, V1Pod",
      "v1, Namespace, V1Namespace",
      "v1, Event, CoreV1Event",
      "events.k8s.io/v1, Event, EventsV1Event",
      "apps/v1, Deployment, V1Deployment",
      "apps/v1, StatefulSet, V1StatefulSet",
      "rbac.authorization.k8s.io/v1, Role, V1Role",
      "rbac.authorization.k8s.io/v1, RoleBinding, V1RoleBinding",
      "rbac.authorization.k8s.io/v1, ClusterRole, V1ClusterRole",
      "rbac.authorization.k8s.io/v1, ClusterRoleBinding, V1ClusterRoleBinding",
      "policy/v1, PodDisruptionBudget, V1PodDisruptionBudget",
      "admissionregistration.k8s.io/v1, ValidatingWebhookConfiguration, V1ValidatingWebhookConfiguration",
      "apiextensions.k8s.io/v1, CustomResourceDefinition, V1CustomResourceDefinition",
      "coordination.k8s.io/v1, Lease, V1Lease",
      "autoscaling/v2, HorizontalPodAutoscaler, V2HorizontalPodAutoscaler",
      "resource.k8s.io/v1beta1, ResourceClaim, V1beta1ResourceClaim",
    })
    void resolvesModelClassByNamingConvention(String apiVersion, String kind, String model) {
      assertThat(KubernetesSchema.modelClass(apiVersion, kind)).get().extracting(Class::getSimpleName).isEqualTo(model);
    }

    @ParameterizedTest
    @CsvSource({"v1, Deployment", "apps/v2, Deployment", "flink.apache.org/v1, FlinkCluster", "v1, ''"})
    void unknownApiVersionOrKindHasNoSchema(String apiVersion, String kind) {
      ObjectNode json = JSON.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
      json.putObject("metadata").put("name", "x");

      assertThat(KubernetesSchema.problems(json)).containsExactly(
          "no schema for apiVersion \"" + apiVersion + "\" kind \"" + kind + "\"");
    }
  }

  @Nested
  class Rules {
    @Test
    void serviceNameIsADns1035Label() {
      assertThat(KubernetesSchema.problems(service("My_Service")))
          .singleElement().asString().startsWith("metadata.name: \"My_Service\"").contains("DNS-1035");
      assertThat(KubernetesSchema.problems(service("1-rest"))).singleElement().asString().startsWith("metadata.name");
    }

    @Test
    void deploymentNameIsADns1123Subdomain() {
      Deployment deployment = deployment();
      deployment.getMetadata().setName("a".repeat(254));

      assertThat(KubernetesSchema.problems(deployment))
          .singleElement().asString().startsWith("metadata.name").contains("longer than 253");
    }

    @Test
    void selectorMustSelectTemplateLabels() {
      Deployment deployment = deployment();
      deployment.getSpec().getSelector().getMatchLabels().put("app.kubernetes.io/instance", "demo");

      assertThat(KubernetesSchema.problems(deployment))
          .singleElement().asString().startsWith("spec.selector.matchLabels[\"app.kubernetes.io/instance\"]");
    }

    @Test
    void containerPortNameIsAnIanaServiceName() {
      Deployment deployment = deployment();
      deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setName("jobmanager-rest-port");

      assertThat(KubernetesSchema.problems(deployment))
          .singleElement().asString()
          .startsWith("spec.template.spec.containers[0].ports[0].name: \"jobmanager-rest-port\"")
          .contains("longer than 15");
    }

    @Test
    void containerNameIsADns1123Label() {
      Deployment deployment = deployment();
      deployment.getSpec().getTemplate().getSpec().getContainers().get(0).setName("Flink.Main");

      assertThat(KubernetesSchema.problems(deployment))
          .singleElement().asString().startsWith("spec.template.spec.containers[0].name");
    }

    @Test
    void memoryIsAKubernetesQuantity() {
      Deployment deployment = deployment();
      deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
          .put("memory", new Quantity("2 GB"));

      assertThat(KubernetesSchema.problems(deployment))
          .singleElement().asString()
          .startsWith("spec.template.spec.containers[0].resources.limits[\"memory\"]")
          .contains("2 GB");
    }

    @ParameterizedTest
    @CsvSource({"1", "0.5", "500m", "2Gi", "1e3", "1E", "+.5k", "1."})
    void acceptsKubernetesQuantities(String quantity) {
      Deployment deployment = deployment();
      deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
          .put("cpu", new Quantity(quantity));

      assertThat(KubernetesSchema.problems(deployment)).isEmpty();
    }

    @Test
    void labelValuesAreLimited() {
      Deployment deployment = deployment();
      deployment.getMetadata().getLabels().put("version", "v".repeat(64));
      deployment.getMetadata().getLabels().put("bad key!", "x");

      assertThat(KubernetesSchema.problems(deployment)).satisfiesExactlyInAnyOrder(
          p -> assertThat(p).startsWith("metadata.labels[\"version\"]: value").contains("longer than 63"),
          p -> assertThat(p).startsWith("metadata.labels[\"bad key!\"]: key"));
    }

    @Test
    void targetPortIsAPortNumberOrAPortName() {
      Service service = service("demo-rest");
      service.getSpec().getPorts().get(0).setTargetPort(new IntOrString("REST"));
      service.getSpec().getPorts().get(1).setTargetPort(new IntOrString(70000));

      assertThat(KubernetesSchema.problems(service)).satisfiesExactlyInAnyOrder(
          p -> assertThat(p).startsWith("spec.ports[0].targetPort: \"REST\"").contains("IANA"),
          p -> assertThat(p).startsWith("spec.ports[1].targetPort").contains("65535"));
    }

    @Test
    void rolloutBudgetsAreCountsOrPercentages() {
      Deployment deployment = deployment();
      deployment.getSpec().getStrategy().getRollingUpdate().setMaxSurge(new IntOrString("a quarter"));

      assertThat(KubernetesSchema.problems(deployment))
          .singleElement().asString().startsWith("spec.strategy.rollingUpdate.maxSurge");
    }
  }

  @Test
  void assertValidListsEveryProblem() {
    Deployment deployment = deployment();
    deployment.getMetadata().setName("Demo");
    deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests()
        .put("memory", new Quantity("2 GB"));

    assertThatThrownBy(() -> KubernetesSchema.assertValid(deployment))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("apps/v1 Deployment Demo")
        .hasMessageContaining("metadata.name")
        .hasMessageContaining("resources.requests[\"memory\"]");
  }
}
