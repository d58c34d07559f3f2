package dev.flinkctl.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.ManifestWriter;
import dev.flinkctl.model.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each seed renders to its committed expected YAML. After an intended change, regenerate with
 * {@code mvn -pl model test -Dtest=GoldenTest -Dflinkctl.regenerate=true} and review the diff.
 */
class GoldenTest {
  static final Path GOLDEN = Seeds.root().resolve("model/src/test/resources/golden");
  static final Path SPECS = Seeds.root().resolve("model/src/test/resources/specs");

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of("flink-cluster.yaml", Seeds.seed("flink-cluster.yaml")),
        Arguments.of("flink-cluster-tuned.yaml", Seeds.seed("flink-cluster-tuned.yaml")),
        Arguments.of("flink-application.yaml", Seeds.seed("flink-application.yaml")),
        Arguments.of("flink2-application-ha.yaml", SPECS.resolve("flink2-application-ha.yaml")),
        Arguments.of("flink120-session.yaml", SPECS.resolve("flink120-session.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void rendersAsCommitted(String name, Path spec) throws IOException {
    FlinkCluster cluster = Seeds.parse(Seeds.read(spec), name);
    String rendered = ManifestWriter.yaml(KubernetesModel.render(cluster).objects());
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("flinkctl.regenerate")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, rendered);
    }
    assertThat(golden).as("no golden file; run with -Dflinkctl.regenerate=true").exists();
    assertThat(rendered).as("%s renders differently from %s", name, golden).isEqualTo(Files.readString(golden));
  }
}
