package dev.flinkctl.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkDistributionTest {
  @TempDir
  Path dir;

  @Test
  void majorMinorMapsToThePinnedPatchRelease() {
    assertThat(FlinkDistribution.fullVersion("1.18")).isEqualTo("1.18.1");
    assertThat(FlinkDistribution.fullVersion("1.19")).isEqualTo("1.19.3");
    assertThat(FlinkDistribution.fullVersion("1.20")).isEqualTo("1.20.3");
    assertThat(FlinkDistribution.fullVersion("2.0")).isEqualTo("2.0.0");
    assertThat(FlinkDistribution.fullVersion("2.1")).isEqualTo("2.1.0");
    assertThat(FlinkDistribution.fullVersion("1.20.1")).isEqualTo("1.20.1");
    assertThatThrownBy(() -> FlinkDistribution.fullVersion("1.17"))
        .isInstanceOf(FlinkDistributionException.class).hasMessageContaining("1.17").hasMessageContaining("1.18, 1.19");
  }

  @Test
  void configFileNameFollowsTheVersion() {
    assertThat(FlinkVersions.configFileName("1.18.1")).isEqualTo("flink-conf.yaml");
    assertThat(FlinkVersions.configFileName("1.19.3")).isEqualTo("config.yaml");
    assertThat(FlinkVersions.configFileName("2.0.0")).isEqualTo("config.yaml");
  }

  @Test
  void bundledDirectoryIsUsedOnlyWhenComplete() throws Exception {
    Path home = dir.resolve("repo/flink-bundle/target/flink-9.9.9");
    Files.createDirectories(home.resolve("lib"));
    Files.writeString(home.resolve("lib/flink-runtime-9.9.9.jar"), "");
    List<String> progress = new ArrayList<>();

    // No marker yet (copy still running): falls through to the cache, and there is no mvn.
    assertThatThrownBy(() -> FlinkDistribution.resolve("9.9.9", dir.resolve("cache"), progress::add, List.of(dir.resolve("repo/flink-bundle/target")), ""))
        .isInstanceOf(FlinkDistributionException.class)
        .hasMessageContaining("9.9.9").hasMessageContaining("`mvn` is not on PATH").hasMessageContaining("Install Apache Maven");

    Files.writeString(home.resolve(FlinkDistribution.MARKER), "flink.version=9.9.9\n");
    FlinkDistribution dist = FlinkDistribution.resolve("9.9.9", dir.resolve("cache"), progress::add, List.of(dir.resolve("repo/flink-bundle/target")), "");
    assertThat(dist.lib()).isEqualTo(home.resolve("lib"));
    assertThat(dist.version()).isEqualTo("9.9.9");
    assertThat(dist.classpath()).containsExactly(home.resolve("lib/flink-runtime-9.9.9.jar"));
    assertThat(progress).isEmpty();
  }

  @Test
  void completeCacheIsUsedWithoutMaven() throws Exception {
    Path home = dir.resolve("cache/flink-9.9.8");
    Files.createDirectories(home.resolve("lib"));
    Files.writeString(home.resolve("lib/flink-runtime-9.9.8.jar"), "");
    Files.writeString(home.resolve(FlinkDistribution.MARKER), "flink.version=9.9.8\n");
    FlinkDistribution dist = FlinkDistribution.resolve("9.9.8", dir.resolve("cache"), s -> {}, List.of(), "");
    assertThat(dist.lib()).isEqualTo(home.resolve("lib"));
  }

  @Test
  void theProjectFindsItsOwnBundleOrCache() {
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    assertThat(dist.version()).isEqualTo("1.20.3");
    assertThat(dist.classpath()).extracting(p -> p.getFileName().toString())
        .contains("flink-runtime-1.20.3.jar", "flink-clients-1.20.3.jar", "flink-streaming-java-1.20.3.jar",
            "flink-runtime-web-1.20.3.jar", "flink-container-1.20.0.jar", "flink-metrics-prometheus-1.20.3.jar",
            "flink-connector-files-1.20.3.jar", "flink-connector-datagen-1.20.3.jar", "flink-rpc-akka-loader-1.20.3.jar",
            "log4j-slf4j-impl-2.24.3.jar", "log4j-core-2.24.3.jar", "log4j-api-2.24.3.jar", "log4j-1.2-api-2.24.3.jar",
            "slf4j-api-1.7.36.jar", "zookeeper-3.8.6.jar", "zookeeper-jute-3.8.6.jar", "metrics-core-4.1.12.1.jar")
        .noneMatch(n -> n.startsWith("logback") || n.startsWith("netty") || n.startsWith("junit") || n.startsWith("assertj"));
  }

  /** Fetches a non-default version through mvn once (about 20 s), then reads it from the cache. */
  @Test
  void fetchesAnotherVersionFromMavenCentralIntoTheCache() {
    List<String> progress = new ArrayList<>();
    FlinkDistribution dist = FlinkDistribution.resolve("2.0.0", TestClusters.CACHE, progress::add);
    assertThat(dist.lib()).isEqualTo(TestClusters.CACHE.resolve("flink-2.0.0/lib"));
    assertThat(dist.lib().resolveSibling(FlinkDistribution.MARKER)).exists();
    assertThat(dist.classpath()).extracting(p -> p.getFileName().toString())
        .contains("flink-runtime-2.0.0.jar", "flink-container-2.0.0.jar", "flink-metrics-prometheus-2.0.0.jar",
            "flink-rpc-akka-loader-2.0.0.jar", "log4j-slf4j-impl-2.24.3.jar", "zookeeper-3.8.6.jar");
    if (!progress.isEmpty()) {
      assertThat(progress.get(0)).isEqualTo("resolving Flink 2.0.0 from Maven Central (first use; cached in "
          + TestClusters.CACHE.resolve("flink-2.0.0") + ")");
    }
    assertThat(FlinkDistribution.resolve("2.0.0", TestClusters.CACHE, s -> { throw new AssertionError(s); }))
        .isEqualTo(dist);
    try (var leftovers = Files.list(TestClusters.CACHE)) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial-"));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aVersionMavenCentralDoesNotHaveFailsClearly() {
    Path cache = dir.resolve("cache");
    assertThatThrownBy(() -> FlinkDistribution.resolve("1.20.99", cache, s -> {}))
        .isInstanceOf(FlinkDistributionException.class)
        .hasMessageContaining("could not fetch Flink 1.20.99 from Maven Central")
        .hasMessageContaining("org.apache.flink:flink-")
        .hasMessageContaining("1.20.99");
    assertThat(cache.resolve("flink-1.20.99")).doesNotExist();
    assertThat(cache.resolve("flink-1.20.99-resolve.log")).exists();
  }

  @Test
  void extractsMavensReason() {
    String output = "\u001B[0m[ERROR] Failed to execute goal on project flink-runtime-classpath: Could not resolve "
        + "dependencies for project dev.flinkctl.generated:flink-runtime-classpath:pom:1.19.3: Could not find artifact "
        + "org.apache.flink:flink-metrics-prometheus:jar:1.19.3 in central (https://repo.maven.apache.org/maven2) -> [Help 1]\n"
        + "[ERROR] \n";
    assertThat(FlinkDistribution.mavenError(output)).isEqualTo(
        "Could not find artifact org.apache.flink:flink-metrics-prometheus:jar:1.19.3 in central (https://repo.maven.apache.org/maven2)");
  }

  @Test
  void generatedPomHasNoPlaceholdersLeft() throws Exception {
    String pom = FlinkDistribution.generatedPom("1.19.3");
    assertThat(pom).doesNotContain("@FLINK", "@LOG4J", "@ZOOKEEPER", "@DROPWIZARD")
        .contains("<flink.version>1.19.3</flink.version>", "<flink.container.version>1.18.0</flink.container.version>",
            "<flink.prometheus.version>1.19.1</flink.prometheus.version>");
  }

  /** The bundle module and the template fetch the same jars, or bundled and fetched versions differ. */
  @Test
  void bundlePomAndTemplateListTheSameArtifacts() throws Exception {
    Path bundlePom = projectRoot().resolve("flink-bundle/pom.xml");
    String bundle = Files.readString(bundlePom);
    String template = FlinkDistribution.generatedPom(FlinkVersions.DEFAULT);
    assertThat(dependencies(bundle)).isNotEmpty().isEqualTo(dependencies(template));
    FlinkVersions.Pin pin = FlinkVersions.pinFor(FlinkVersions.DEFAULT);
    assertThat(bundle).contains("<flink.version>" + FlinkVersions.DEFAULT + "</flink.version>",
        "<flink.container.version>" + pin.container() + "</flink.container.version>",
        "<flink.prometheus.version>" + pin.prometheus() + "</flink.prometheus.version>",
        "<log4j.version>" + FlinkVersions.LOG4J + "</log4j.version>",
        "<zookeeper.version>" + FlinkVersions.ZOOKEEPER + "</zookeeper.version>",
        "<dropwizard.metrics.version>" + FlinkVersions.DROPWIZARD_METRICS + "</dropwizard.metrics.version>");
  }

  private static Set<String> dependencies(String pom) {
    String deps = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile("<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*"
        + "<version>([^<]+)</version>").matcher(deps);
    while (m.find()) {
      out.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
    }
    return out;
  }

  private static Path projectRoot() {
    String root = System.getProperty("project.root");
    if (root != null && Files.isRegularFile(Path.of(root, "flink-bundle", "pom.xml"))) {
      return Path.of(root);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("flink-bundle/pom.xml"))) {
        return p;
      }
    }
    throw new AssertionError("flink-bundle/pom.xml not found above " + Path.of("").toAbsolutePath());
  }
}
