package dev.flinkctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.SessionJob;
import dev.flinkctl.examples.VerifyOutput;
import dev.flinkctl.local.LocalLayout;
import dev.flinkctl.local.LocalStore;
import dev.flinkctl.model.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session cluster through the command line, as a user drives it: up -d, submit, savepoint,
 * down --savepoint, up again; the job must come back from its savepoint with its counts intact.
 */
class SessionLifecycleTest {
  static final Path JOB_JAR = Seeds.root().resolve("examples/streaming-job/target/streaming-job.jar");

  @TempDir
  Path home;

  @TempDir
  Path work;

  LocalStore store;

  @BeforeEach
  void useTemporaryHome() {
    System.setProperty("flinkctl.home", home.toString());
    store = new LocalStore(LocalLayout.fromEnvironment());
  }

  @AfterEach
  void stopEverything() {
    Cli.run("down", "sandbox");
    System.clearProperty("flinkctl.home");
  }

  @Test
  void submitSavepointDownUpRestores() throws Exception {
    Path spec = Files.writeString(work.resolve("session.yaml"), """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: sandbox}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: 1, slots: 2, resources: {memory: 1280m, cpu: 1}}
          flinkConfiguration:
            execution.checkpointing.interval: 1s
        """);
    Path out = work.resolve("out");
    assertOk(Cli.run("up", "-f", spec.toString(), "-d"), "Flink web UI at http://localhost:");

    Cli submit = Cli.run("submit", "sandbox", JOB_JAR.toString(), "--class", "dev.flinkctl.examples.CountingJob",
        "--parallelism", "2", "--args", "--output " + out.toUri() + " --rate 200 --keys 4");
    assertOk(submit, "submitted job");
    SessionJob first = await(s -> hasJob(s, "RUNNING")).sessionJobs().get(0);
    Thread.sleep(4000);

    assertOk(Cli.run("savepoint", "sandbox"), "savepoint file:");
    Cli down = Cli.run("down", "sandbox", "--savepoint");
    assertOk(down, "stopped with savepoint");
    assertThat(dev.flinkctl.local.BackgroundSupervisor.find(LocalLayout.fromEnvironment(), "sandbox"))
        .as("down stops the background supervisor").isEmpty();
    assertThat(ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("")
        .contains("-Dflinkctl.supervise=sandbox") && h.info().commandLine().orElse("").contains(home.toString())))
        .isEmpty();
    assertThat(store.status("sandbox").orElseThrow().sessionJobs()).singleElement()
        .satisfies(j -> assertThat(j.savepoint()).isNotNull());

    assertOk(Cli.run("up", "-f", spec.toString(), "-d"), "Running");
    FlinkClusterStatus back = await(s -> hasJob(s, "RUNNING"));
    SessionJob resumed = back.sessionJobs().get(0);
    assertThat(resumed.id()).isNotEqualTo(first.id());
    assertThat(resumed.savepoint()).isNotNull();
    Thread.sleep(4000);
    assertOk(Cli.run("down", "sandbox", "--savepoint"), "stopped with savepoint");

    VerifyOutput.Report report = VerifyOutput.verify(out, 4);
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.records()).isGreaterThan(800);

    Cli status = Cli.run("status");
    assertThat(status.out()).contains("sandbox").contains("1 job(s)");
  }

  private static boolean hasJob(FlinkClusterStatus s, String state) {
    List<SessionJob> jobs = s.sessionJobs();
    return jobs != null && jobs.size() == 1 && state.equals(jobs.get(0).state());
  }

  private FlinkClusterStatus await(Predicate<FlinkClusterStatus> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    FlinkClusterStatus last = null;
    while (Instant.now().isBefore(deadline)) {
      last = store.status("sandbox").orElse(null);
      if (last != null && done.test(last)) {
        return last;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("timed out; last status " + last);
  }

  private static void assertOk(Cli cli, String expected) {
    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).contains(expected);
  }
}
