package dev.flinkctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.Phase;
import dev.flinkctl.local.LocalLayout;
import dev.flinkctl.local.LocalStore;
import dev.flinkctl.model.Seeds;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when flinkctl up meets bad input: a clear error, and nothing left running. */
class UpBadInputTest {
  static final Path JOB_JAR = Seeds.root().resolve("examples/streaming-job/target/streaming-job.jar");

  @TempDir
  Path home;

  @TempDir
  Path work;

  @BeforeEach
  void useTemporaryHome() {
    System.setProperty("flinkctl.home", home.toString());
  }

  @AfterEach
  void cleanUp() {
    new LocalStore(LocalLayout.fromEnvironment()).names().forEach(n -> Cli.run("down", n));
    System.clearProperty("flinkctl.home");
  }

  private Path app(String name, String jar, String entryClass, String tmMemory) throws IOException {
    return Files.writeString(work.resolve(name + ".yaml"), """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: %s}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: 1, slots: 1, resources: {memory: %s, cpu: 1}}
          job:
            jarURI: %s
            entryClass: %s
            args: [--output, %s]
        """.formatted(name, tmMemory, jar, entryClass, work.resolve("out").toUri()));
  }

  private static long flinkProcessesOf(Path home) {
    return ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(home.toString()))
        .count();
  }

  @Test
  void missingJarIsRefusedBeforeAnythingStarts() throws IOException {
    Cli cli = Cli.run("up", "-d", "-f", app("nojar", work.resolve("missing.jar").toString(), "a.B", "1280m").toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("error: spec.job.jarURI", "missing.jar", "does not exist").doesNotContain("\tat ");
    assertThat(new LocalStore(LocalLayout.fromEnvironment()).names()).isEmpty();
    assertThat(flinkProcessesOf(home)).isZero();
  }

  @Test
  void missingEntryClassFailsWithFlinksReasonAndStopsEverything() throws IOException {
    Cli cli = Cli.run("up", "-d", "-f", app("noclass", JOB_JAR.toString(), "com.example.NoSuchJob", "1280m").toString());
    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(1);
    assertThat(cli.out()).contains("noclass: failed:", "com.example.NoSuchJob");
    var status = new LocalStore(LocalLayout.fromEnvironment()).status("noclass").orElseThrow();
    assertThat(status.phase()).isEqualTo(Phase.Failed);
    assertThat(status.conditions()).anySatisfy(c -> assertThat(c.getMessage()).contains("com.example.NoSuchJob"));
    assertThat(flinkProcessesOf(home)).isZero();
  }

  @Test
  void memoryFlinkWouldRefuseIsAnErrorBeforeAnythingStarts() throws IOException {
    Cli cli = Cli.run("up", "-d", "-f", app("tiny", JOB_JAR.toString(), "dev.flinkctl.examples.CountingJob", "600m")
        .toString());
    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(2);
    assertThat(cli.err()).contains("error: spec.taskManager.resources.memory", "Flink would refuse to start the TaskManager",
        "982m").doesNotContain("\tat ");
    assertThat(new LocalStore(LocalLayout.fromEnvironment()).names()).isEmpty();
    assertThat(flinkProcessesOf(home)).isZero();
  }

  @Test
  void aTakenWebUiPortMovesTheUiAndSaysWhere() throws IOException {
    try (ServerSocket taken = bindOrNull(8081)) {
      Path spec = Files.writeString(work.resolve("s.yaml"), """
          apiVersion: flink.apache.org/v1beta1
          kind: FlinkCluster
          metadata: {name: ported}
          spec:
            image: flink:1.20
            jobManager: {resources: {memory: 1024m, cpu: 1}}
            taskManager: {replicas: 1, resources: {memory: 1280m, cpu: 1}}
            flinkConfiguration: {rest.port: "8081"}
          """);
      Cli cli = Cli.run("up", "-d", "-f", spec.toString());
      assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
      assertThat(cli.out()).contains("ported: Flink web UI at http://localhost:").doesNotContain("localhost:8081");
      assertThat(Cli.run("status", "ported").out()).contains("local run: spec.flinkConfiguration.rest.port: '8081' replaced by");
    }
  }

  private static ServerSocket bindOrNull(int port) {
    try {
      return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
    } catch (IOException alreadyTaken) {
      return null;
    }
  }
}
