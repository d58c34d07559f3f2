package dev.flinkctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flinkctl.model.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String spec) throws IOException {
    return Files.writeString(dir.resolve(name), """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: demo}
        spec:
          image: flink:1.20
        """ + spec.indent(2));
  }

  @Test
  void cleanSpecExitsZero() throws IOException {
    Cli cli = Cli.run("doctor", "-f", write("clean.yaml", "").toString());
    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).startsWith("demo: no findings");
  }

  @Test
  void warningsOnlyExitOne() {
    Cli cli = Cli.run("doctor", "-f", Seeds.seed("flink-cluster-tuned.yaml").toString());
    assertThat(cli.exitCode()).as(cli.out()).isEqualTo(1);
    assertThat(cli.out()).contains("production-flink: 3 warnings, 2 notes",
        "WARNING  s3-query-string  spec.flinkConfiguration.state.checkpoints.dir",
        "  fix:  write state.checkpoints.dir: \"s3://bucket/flink-checkpoints\"",
        "  docs: https://github.com/flinkctl/flinkctl/blob/main/docs/rules.md#s3-query-string",
        "NOTE     memory-overhead-implied", "= 973m of JVM overhead");
  }

  @Test
  void errorsExitTwoWithFlinksReasonAndTheLeastMemoryItAccepts() throws IOException {
    Cli cli = Cli.run("doctor", "-f", write("small.yaml", "taskManager: {resources: {memory: 512m}}").toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).contains("ERROR    memory-taskmanager  spec.taskManager.resources.memory",
        "Flink would refuse to start the TaskManager", "exceed configured Total Flink Memory (64m)",
        "give the TaskManager at least 982m in spec.taskManager.resources.memory (Flink's minimum with these settings)\n");
  }

  @Test
  void verboseShowsFlinksMemorySplit() {
    Cli cli = Cli.run("doctor", "-v", "-f", Seeds.seed("flink-cluster-tuned.yaml").toString());
    assertThat(cli.out()).contains("TaskManager memory, as Flink splits a 4096m process:",
        "  JVM overhead             973m   taskmanager.memory.jvm-overhead.fraction/min/max",
        "  total Flink memory      2867m", "JobManager memory, as Flink splits a 2048m process:");
    assertThat(Cli.run("doctor", "-f", Seeds.seed("flink-cluster-tuned.yaml").toString()).out())
        .doesNotContain("as Flink splits");
  }

  @Test
  void jsonHasRulesDocsAndMemoryInBytes() throws IOException {
    Cli cli = Cli.run("doctor", "-o", "json", "-f", Seeds.seed("flink-cluster-tuned.yaml").toString());
    assertThat(cli.exitCode()).isEqualTo(1);
    JsonNode cluster = new ObjectMapper().readTree(cli.out()).path("clusters").get(0);
    assertThat(cluster.path("name").asText()).isEqualTo("production-flink");
    JsonNode first = cluster.path("findings").get(0);
    assertThat(first.path("severity").asText()).isEqualTo("warning");
    assertThat(first.path("docs").asText()).endsWith("#" + first.path("rule").asText());
    assertThat(cluster.path("memory").path("taskManager").path("jvmOverhead").asLong()).isEqualTo(973L << 20);
    assertThat(cluster.path("memory").path("jobManager").path("process").asLong()).isEqualTo(2048L << 20);
  }

  @Test
  void everyClusterInTheFileIsExamined() throws IOException {
    Path f = Files.writeString(dir.resolve("two.yaml"), Seeds.read(Seeds.seed("flink-application.yaml")) + "---\n"
        + Seeds.read(Seeds.seed("flink-cluster.yaml")) + "---\n" + Seeds.read(Seeds.seed("keda-scaledobject.yaml")));
    Cli cli = Cli.run("doctor", "-f", f.toString());
    assertThat(cli.out()).contains("streaming-job: ", "production-flink: ");
    assertThat(cli.err()).contains("note: skipped keda.sh/v1alpha1 ScaledObject");
  }

  @Test
  void unreadableInputIsOneLineAndExitTwo() throws IOException {
    Cli cli = Cli.run("doctor", "-f", dir.resolve("missing.yaml").toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("error: ").contains("missing.yaml");
  }
}
