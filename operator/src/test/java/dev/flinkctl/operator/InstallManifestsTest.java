package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.model.ManifestWriter;
import dev.flinkctl.model.Seeds;
import dev.flinkctl.model.kubernetes.KubernetesModel;
import dev.flinkctl.model.schema.KubernetesSchema;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What install prints, and the same files under deploy/. Regenerate those with
 * {@code mvn -pl operator test -Dtest=InstallManifestsTest -Dflinkctl.regenerate=true}.
 */
class InstallManifestsTest {
  static final InstallManifests.Options DEFAULT = new InstallManifests.Options("flinkctl-system", List.of(), false,
      InstallManifests.defaultImage());
  static final InstallManifests.Options WEBHOOK = new InstallManifests.Options("flinkctl-system", List.of(), true,
      InstallManifests.defaultImage());
  static final List<InstallManifests.Options> VARIANTS = List.of(DEFAULT, WEBHOOK,
      new InstallManifests.Options("ops", List.of("team-a", "team-b"), true, "registry:5000/op:1"));

  @ParameterizedTest
  @FieldSource("VARIANTS")
  void everyObjectPassesTheKubernetesSchema(InstallManifests.Options options) {
    for (HasMetadata o : InstallManifests.objects(options)) {
      assertThat(KubernetesSchema.problems(o)).as(o.getKind() + "/" + o.getMetadata().getName()).isEmpty();
    }
  }

  @Test
  void theCrdIsTheGeneratedOne() throws IOException {
    CustomResourceDefinition crd = InstallManifests.crd();
    assertThat(crd.getMetadata().getName()).isEqualTo("flinkclusters.flink.apache.org");
    assertThat(Files.readString(Seeds.root().resolve("deploy/crds/flinkclusters.flink.apache.org-v1.yml")))
        .contains(crd.getSpec().getVersions().get(0).getName());
  }

  @Test
  void watchingNamespacesGrantsRolesThereAndNoClusterRole() {
    var objects = InstallManifests.objects(VARIANTS.get(2));
    assertThat(objects).filteredOn(o -> o instanceof Role).extracting(o -> o.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("team-a", "team-b", "ops");
    assertThat(objects).filteredOn(o -> o instanceof ClusterRole).extracting(o -> o.getMetadata().getName())
        .containsExactly("flinkctl-operator-webhook");
  }

  /** Kubernetes lets the operator create the HA Role only if it holds every permission in it. */
  @Test
  void theOperatorHoldsEveryPermissionItGrantsFlink() {
    List<PolicyRule> operator = OperatorRbac.clusters();
    Role ha = (Role) KubernetesModel.render(Seeds.load("flink-cluster.yaml")).objects().stream()
        .filter(o -> o instanceof Role).findFirst().orElseThrow();
    for (PolicyRule granted : ha.getRules()) {
      for (String resource : granted.getResources()) {
        for (String verb : granted.getVerbs()) {
          assertThat(operator).as(resource + " " + verb).anySatisfy(r -> {
            assertThat(r.getResources()).contains(resource);
            assertThat(r.getVerbs()).contains(verb);
          });
        }
      }
    }
  }

  @Test
  void deployDirectoryHoldsTheSameObjects() throws IOException {
    Path deploy = Seeds.root().resolve("deploy");
    var files = new java.util.LinkedHashMap<Path, String>();
    files.put(deploy.resolve("operator.yaml"), ManifestWriter.yaml(InstallManifests.objects(DEFAULT).subList(1,
        InstallManifests.objects(DEFAULT).size())));
    files.put(deploy.resolve("webhook/webhook.yaml"), ManifestWriter.yaml(WebhookOverlay.added(WEBHOOK)));
    files.put(deploy.resolve("webhook/deployment-patch.yaml"), ManifestWriter.yaml(WebhookOverlay.patches(WEBHOOK).get(0)));
    files.put(deploy.resolve("webhook/role-patch.yaml"), ManifestWriter.yaml(WebhookOverlay.patches(WEBHOOK).get(1)));
    for (var file : files.entrySet()) {
      if (Boolean.getBoolean("flinkctl.regenerate")) {
        Files.createDirectories(file.getKey().getParent());
        Files.writeString(file.getKey(), file.getValue());
      }
      assertThat(file.getKey()).as("regenerate with -Dflinkctl.regenerate=true").hasContent(file.getValue());
    }
    assertThat(deploy.resolve("kustomization.yaml")).content()
        .contains("crds/flinkclusters.flink.apache.org-v1.yml", "operator.yaml");
    assertThat(deploy.resolve("webhook/kustomization.yaml")).content().contains("webhook.yaml", "deployment-patch.yaml",
        "role-patch.yaml");
  }
}
