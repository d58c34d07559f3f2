package dev.flinkctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flinkctl.model.Seeds;
import dev.flinkctl.model.schema.KubernetesSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenderCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flink-cluster.yaml", "flink-cluster-tuned.yaml", "flink-application.yaml"})
  void rendersEverySeedAsValidKubernetesYaml(String seed) throws Exception {
    Cli cli = Cli.run("render", "-f", Seeds.seed(seed).toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    int count = 0;
    try (var docs = yaml.readerFor(JsonNode.class).<JsonNode>readValues(cli.out())) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        assertThat(KubernetesSchema.problems(doc)).as(doc.path("kind").asText()).isEmpty();
        count++;
      }
    }
    assertThat(count).isGreaterThanOrEqualTo(5);
  }

  @Test
  void jsonOutputIsAKubernetesList() throws Exception {
    Cli cli = Cli.run("render", "-f", Seeds.seed("flink-application.yaml").toString(), "-o", "json");
    assertThat(cli.exitCode()).isZero();
    JsonNode list = new ObjectMapper().readTree(cli.out());
    assertThat(list.path("kind").asText()).isEqualTo("List");
    for (JsonNode item : list.path("items")) {
      assertThat(KubernetesSchema.problems(item)).isEmpty();
    }
  }

  @Test
  void sameInputSameBytes() {
    String seed = Seeds.seed("flink-cluster-tuned.yaml").toString();
    assertThat(Cli.run("render", "-f", seed).out()).isEqualTo(Cli.run("render", "-f", seed).out());
  }

  @Test
  void derivedHaStorageIsSaidOnStandardError() {
    Cli cli = Cli.run("render", "-f", Seeds.seed("flink-cluster.yaml").toString());
    assertThat(cli.err()).contains("note: production-flink: spec.flinkConfiguration.high-availability.storageDir")
        .contains("derived from state.checkpoints.dir");
  }

  @Test
  void otherKindsInTheFileAreSkippedAndSaid() throws Exception {
    String both = Seeds.read(Seeds.seed("flink-cluster.yaml")) + "---\n"
        + Seeds.read(Seeds.seed("keda-scaledobject.yaml"));
    Cli cli = Cli.run("render", "-f", write("both.yaml", both).toString());
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.err()).contains("note: skipped keda.sh/v1alpha1 ScaledObject production-flink-kafka-lag");
  }

  @Test
  void versionPrintsVersions() {
    Cli cli = Cli.run("version");
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("flinkctl ", "1.18", "2.0");
  }

  // Bad input: one line naming the field, exit code 2, never a stack trace.

  private void assertOneLineError(Cli cli, String... mentions) {
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).startsWith("error: ").contains(mentions).doesNotContain("Exception", "\tat ");
    assertThat(cli.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void unknownKind() throws Exception {
    Path f = write("k.yaml", "apiVersion: flink.apache.org/v1beta1\nkind: FlinkClsuter\nmetadata: {name: a}\n");
    assertOneLineError(Cli.run("render", "-f", f.toString()), "kind 'FlinkClsuter'", "FlinkCluster");
  }

  @Test
  void missingImage() throws Exception {
    Path f = write("i.yaml", "apiVersion: flink.apache.org/v1beta1\nkind: FlinkCluster\nmetadata: {name: a}\n"
        + "spec: {taskManager: {replicas: 1}}\n");
    assertOneLineError(Cli.run("render", "-f", f.toString()), "spec.image", "flink:1.20");
  }

  @Test
  void unparsableMemory() throws Exception {
    Path f = write("m.yaml", "apiVersion: flink.apache.org/v1beta1\nkind: FlinkCluster\nmetadata: {name: a}\n"
        + "spec: {image: flink:1.18, taskManager: {resources: {memory: 4 gigs}}}\n");
    assertOneLineError(Cli.run("render", "-f", f.toString()), "spec.taskManager.resources.memory", "4 gigs");
  }

  @Test
  void notYaml() throws Exception {
    Path f = write("n.yaml", "apiVersion: [unclosed\n  : : :\n");
    assertOneLineError(Cli.run("render", "-f", f.toString()), "not valid YAML");
  }

  @Test
  void misspeltField() throws Exception {
    Path f = write("t.yaml", "apiVersion: flink.apache.org/v1beta1\nkind: FlinkCluster\nmetadata: {name: a}\n"
        + "spec: {image: flink:1.18, taskManager: {replicaz: 3}}\n");
    assertOneLineError(Cli.run("render", "-f", f.toString()), "spec.taskManager.replicaz", "replicas");
  }

  @Test
  void badEnumNamesTheChoices() throws Exception {
    Path f = write("e.yaml", "apiVersion: flink.apache.org/v1beta1\nkind: FlinkCluster\nmetadata: {name: a}\n"
        + "spec: {image: flink:1.18, job: {jarURI: local:///a.jar, upgradeMode: laststate}}\n");
    assertOneLineError(Cli.run("render", "-f", f.toString()), "spec.job.upgradeMode", "last-state");
  }

  @Test
  void missingFile() {
    assertOneLineError(Cli.run("render", "-f", dir.resolve("nope.yaml").toString()), "no such file");
  }

  @Test
  void fileWithoutFlinkCluster() throws Exception {
    Path f = write("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    assertOneLineError(Cli.run("render", "-f", f.toString()), "holds no FlinkCluster");
  }

  @Test
  void unknownOption() {
    Cli cli = Cli.run("render", "-f", "x.yaml", "--fiel", "x");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--fiel").doesNotContain("Exception");
  }

  @Test
  void unquotedConfigValuesAreRefusedLikeTheApiServerWould() throws Exception {
    Path f = write("q.yaml", "apiVersion: flink.apache.org/v1beta1\nkind: FlinkCluster\nmetadata: {name: a}\n"
        + "spec: {image: flink:1.18, flinkConfiguration: {taskmanager.numberOfTaskSlots: 2}}\n");
    assertOneLineError(Cli.run("render", "-f", f.toString()), "spec.flinkConfiguration.taskmanager.numberOfTaskSlots",
        "quote it");
  }
}
