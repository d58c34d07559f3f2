package dev.flinkctl.model;

import dev.flinkctl.api.FlinkCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The seed manifests (copied under examples/seed-manifests) and small specs for tests. */
public final class Seeds {
  public static final List<String> CLUSTERS = List.of("flink-cluster.yaml", "flink-cluster-tuned.yaml",
      "flink-application.yaml");

  private Seeds() {}

  public static Path root() {
    return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  public static Path seed(String file) {
    return root().resolve("examples/seed-manifests").resolve(file);
  }

  public static FlinkCluster load(String file) {
    return parse(read(seed(file)), file);
  }

  public static FlinkCluster parse(String yaml, String source) {
    return Manifests.parse(yaml, source).clusters().get(0);
  }

  public static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal valid cluster, in YAML, with the given extra spec lines appended under spec. */
  public static FlinkCluster minimal(String image, String extraSpecYaml) {
    return parse("""
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata:
          name: demo
          namespace: ns
        spec:
          image: %s
        %s""".formatted(image, extraSpecYaml.indent(2)), "test");
  }
}
