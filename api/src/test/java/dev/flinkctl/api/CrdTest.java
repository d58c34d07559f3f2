package dev.flinkctl.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed CRD is generated from the Java types. Regenerate with
 * {@code mvn -pl api test -Dflinkctl.regenerate=true}.
 */
class CrdTest {
  static final String FILE = "flinkclusters.flink.apache.org-v1.yml";
  static Path committed = Path.of(System.getProperty("project.root", ".."), "deploy", "crds", FILE);
  static String generated;
  static JsonNode crd;

  @BeforeAll
  static void generate(@TempDir Path dir) throws Exception {
    new CRDGenerator().customResourceClasses(FlinkCluster.class).forCRDVersions("v1").inOutputDir(dir.toFile())
        .withPostProcessor(new CRDPostProcessor() {
          @Override
          public HasMetadata process(HasMetadata crd, String version) {
            return orderPrinterColumns(crd);
          }
        })
        .generate();
    generated = Files.readString(dir.resolve(FILE));
    if (Boolean.getBoolean("flinkctl.regenerate")) {
      Files.createDirectories(committed.getParent());
      Files.writeString(committed, generated);
    }
    crd = new ObjectMapper(new YAMLFactory()).readTree(generated);
  }

  /** kubectl shows columns in CRD order; the generator sorts them by name, so restore the declared order. */
  static HasMetadata orderPrinterColumns(HasMetadata crd) {
    List<String> declared = Arrays.stream(FlinkCluster.class.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name).toList();
    for (var v : ((CustomResourceDefinition) crd).getSpec().getVersions()) {
      v.getAdditionalPrinterColumns().sort(Comparator.comparingInt(c -> declared.indexOf(c.getName())));
    }
    return crd;
  }

  @Test
  void committedCrdIsUpToDate() throws Exception {
    assertThat(committed).exists();
    assertThat(Files.readString(committed))
        .as("deploy/crds/%s is stale: run mvn -pl api test -Dflinkctl.regenerate=true", FILE)
        .isEqualTo(generated);
  }

  @Test
  void identity() {
    assertThat(crd.at("/spec/group").asText()).isEqualTo("flink.apache.org");
    assertThat(crd.at("/spec/names/kind").asText()).isEqualTo("FlinkCluster");
    assertThat(crd.at("/spec/names/plural").asText()).isEqualTo("flinkclusters");
    assertThat(crd.at("/spec/names/shortNames").toString()).contains("fc");
    assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
    assertThat(crd.at("/spec/versions/0/name").asText()).isEqualTo("v1beta1");
  }

  @Test
  void scaleSubresourceTargetsTaskManagerReplicas() {
    JsonNode scale = crd.at("/spec/versions/0/subresources/scale");
    assertThat(scale.path("specReplicasPath").asText()).isEqualTo(".spec.taskManager.replicas");
    assertThat(scale.path("statusReplicasPath").asText()).isEqualTo(".status.taskManager.replicas");
    assertThat(scale.path("labelSelectorPath").asText()).isEqualTo(".status.taskManager.selector");
    assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).isTrue();
  }

  /** /scale reads a missing replicas value as 0, and an HPA does not scale a target at 0 replicas. */
  @Test
  void replicasAreDefaultedSoScaleAlwaysHasAValue() {
    JsonNode taskManager = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/taskManager");
    assertThat(taskManager.path("default").isObject()).as("taskManager defaults to {} so its fields default too")
        .isTrue();
    assertThat(taskManager.at("/properties/replicas/default").asInt()).isEqualTo(1);
  }

  @Test
  void printerColumns() {
    assertThat(crd.at("/spec/versions/0/additionalPrinterColumns").findValuesAsText("name"))
        .containsExactly("Phase", "Flink", "JM", "TM", "Job", "Age");
  }

  @Test
  void podTemplatesArePreservedNotInlinedAndCrdIsSmall() {
    JsonNode spec = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties");
    JsonNode tmTemplate = spec.at("/taskManager/properties/template");
    assertThat(tmTemplate.path("x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
    assertThat(tmTemplate.has("properties")).isFalse();
    assertThat(spec.at("/jobManager/properties/template/x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
    assertThat(generated.length()).isLessThan(100_000);
  }

  @Test
  void resourcesAcceptNumbersAndStrings() {
    JsonNode cpu = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/taskManager/properties/resources/properties/cpu");
    assertThat(cpu.path("x-kubernetes-int-or-string").asBoolean()).isTrue();
  }

  @Test
  void enumsUseTheirYamlNames() {
    JsonNode job = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/job/properties");
    assertThat(job.at("/upgradeMode/enum").toString()).contains("last-state", "savepoint", "stateless");
    assertThat(job.at("/state/enum").toString()).contains("running", "suspended");
    assertThat(crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/required").toString()).contains("image");
  }
}
