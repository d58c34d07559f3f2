package dev.flinkctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.examples.VerifyOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image tag picks the Flink that runs: 1.18 reads the legacy flink-conf.yaml, 2.x only the
 * nested config.yaml and the new key names. Each runs the example job to a checkpoint and stops
 * with a savepoint, with clean output.
 */
class FlinkVersionsTest {
  @ParameterizedTest(name = "flink:{0}")
  @CsvSource({"1.18, flink-conf.yaml", "2.0, config.yaml"})
  void runsTheVersionTheImageNames(String version, String configFile, @TempDir Path home, @TempDir Path out) {
    LocalClusters.assertJarBuilt();
    try (LocalClusters local = new LocalClusters(home)) {
      String spec = """
          apiVersion: flink.apache.org/v1beta1
          kind: FlinkCluster
          metadata: {name: v}
          spec:
            image: flink:%s
            jobManager: {resources: {memory: 1024m, cpu: 1}}
            taskManager: {replicas: 1, slots: 2, resources: {memory: 1280m, cpu: 1}}
            flinkConfiguration:
              execution.checkpointing.interval: 1s
              state.backend: hashmap
            job:
              jarURI: %s
              entryClass: dev.flinkctl.examples.CountingJob
              args: [--output, %s, --rate, "200", --keys, "4"]
              parallelism: 2
          """.formatted(version, LocalClusters.JOB_JAR.toUri(), out.toUri());
      local.apply(spec);
      FlinkClusterStatus s = local.awaitStatus("v", Duration.ofMinutes(6), st -> st.phase() == Phase.Running
          && st.job() != null && st.job().lastCheckpoint() != null);
      assertThat(s.flinkVersion()).isEqualTo(version);
      Path conf = home.resolve("clusters/v/home/conf");
      assertThat(conf.resolve(configFile)).exists();
      assertThat(Files.list(conf).map(p -> p.getFileName().toString())).doesNotContain(
          configFile.equals("config.yaml") ? "flink-conf.yaml" : "config.yaml");
      String processes = Yaml.text(Yaml.read(home.resolve("clusters/v/processes.yaml"), ProcessRecord.class).orElseThrow());
      assertThat(processes).contains("flinkVersion: " + version + ".");

      local.apply(spec.replace("parallelism: 2\n", "parallelism: 2\n    state: suspended\n"));
      local.awaitStatus("v", Duration.ofMinutes(2), st -> st.phase() == Phase.Suspended);
      VerifyOutput.Report report = VerifyOutput.verify(out, 4);
      assertThat(report.ok()).as(report.toString()).isTrue();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
