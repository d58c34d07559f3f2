package dev.flinkctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.flinkctl.model.schema.KubernetesSchema;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallCommandTest {
  @Test
  void printsObjectsThatAllPassTheKubernetesSchema() throws IOException {
    Cli cli = Cli.run("install", "--webhook");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    List<JsonNode> docs = documents(cli.out());
    assertThat(docs).extracting(d -> d.path("kind").asText()).startsWith("CustomResourceDefinition", "Namespace")
        .contains("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment", "Service",
            "ValidatingWebhookConfiguration");
    for (JsonNode doc : docs) {
      assertThat(KubernetesSchema.problems(doc)).as(doc.path("kind").asText()).isEmpty();
    }
  }

  @Test
  void watchNamespacesAndNamespaceShapeTheOutput() throws IOException {
    Cli cli = Cli.run("install", "--namespace", "ops", "--watch-namespaces", "team-a,team-b");

    List<JsonNode> docs = documents(cli.out());
    assertThat(docs).filteredOn(d -> d.path("kind").asText().equals("Role"))
        .extracting(d -> d.path("metadata").path("namespace").asText()).containsExactlyInAnyOrder("team-a", "team-b", "ops");
    assertThat(docs).extracting(d -> d.path("kind").asText()).doesNotContain("ClusterRole", "ValidatingWebhookConfiguration");
    assertThat(cli.out()).contains("name: FLINKCTL_WATCH_NAMESPACES", "team-a,team-b");
  }

  @Test
  void aBadNamespaceIsAnInputError() {
    Cli cli = Cli.run("install", "--namespace", "Flink_System");

    assertThat(cli.exitCode()).isEqualTo(Flinkctl.BAD_INPUT);
    assertThat(cli.err()).contains("'Flink_System' is not a namespace name");
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(yaml)) {
      return it.readAll().stream().filter(n -> n != null && !n.isNull() && !n.isMissingNode()).toList();
    }
  }
}
