package dev.flinkctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The copies under examples/ stay what the seed articles wrote (../shared holds the originals). */
class SeedCopiesTest {
  @ParameterizedTest
  @ValueSource(strings = {"flink-cluster.yaml", "flink-cluster-tuned.yaml", "flink-application.yaml",
      "keda-scaledobject.yaml"})
  void copyMatchesSharedOriginal(String file) {
    Path original = Seeds.root().resolveSibling("shared").resolve("seed-manifests").resolve(file);
    assumeTrue(Files.exists(original), "shared/ is not beside this checkout");
    assertThat(Seeds.read(Seeds.seed(file))).isEqualTo(Seeds.read(original));
  }
}
