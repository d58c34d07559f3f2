package dev.flinkctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.control.rest.HttpFlinkRestClient;
import dev.flinkctl.control.rest.JobDetails;
import dev.flinkctl.examples.VerifyOutput;
import dev.flinkctl.local.LocalLayout;
import dev.flinkctl.local.LocalStore;
import dev.flinkctl.model.Seeds;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's pitfall, fixed: more TaskManagers must mean a higher job parallelism. An application
 * job at one TaskManager is scaled to three and back through the command line; the same job keeps
 * running (in place, no savepoint), its counting vertex follows replicas x slots, and the
 * exactly-once output shows no loss and no duplicates across both rescales.
 */
class ScaleCommandTest {
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
    Cli.run("down", "scaled");
    System.clearProperty("flinkctl.home");
  }

  @Test
  void scalingUpAndDownRescalesTheRunningJobInPlace() throws Exception {
    Path out = work.resolve("out");
    Path spec = Files.writeString(work.resolve("scaled.yaml"), """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: scaled}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: 1, slots: 2, resources: {memory: 1024m, cpu: 2}}
          flinkConfiguration:
            execution.checkpointing.interval: 1s
          job:
            jarURI: %s
            entryClass: dev.flinkctl.examples.CountingJob
            args: [--output, %s, --rate, "200", --keys, "8"]
        """.formatted(JOB_JAR.toUri(), out.toUri()));
    Cli up = Cli.run("up", "-f", spec.toString(), "-d");
    assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
    FlinkClusterStatus running = await(s -> s.job() != null && "RUNNING".equals(s.job().state())
        && s.job().lastCheckpoint() != null);
    String jobId = running.job().id();
    assertThat(counting(running)).isEqualTo(2);

    Cli up3 = Cli.run("scale", "scaled", "--replicas", "3");
    assertThat(up3.exitCode()).as(up3.out() + up3.err()).isZero();
    assertThat(up3.out()).contains("TaskManagers 1 -> 3").contains("parallelism 2 -> 6 (in-place")
        .contains("3 TaskManagers x 2 slots = 6").contains("done");
    FlinkClusterStatus scaled = store.status("scaled").orElseThrow();
    assertThat(counting(scaled)).isEqualTo(6);
    assertThat(scaled.job().id()).as("in place: the same job, no redeploy").isEqualTo(jobId);
    assertThat(scaled.savepoints()).as("no savepoint taken").isNullOrEmpty();
    long checkpoint = scaled.job().lastCheckpoint() == null ? 0 : scaled.job().lastCheckpoint().id();
    await(s -> s.job().lastCheckpoint() != null && s.job().lastCheckpoint().id() > checkpoint + 2);

    Cli down1 = Cli.run("scale", "scaled", "--replicas", "1");
    assertThat(down1.exitCode()).as(down1.out() + down1.err()).isZero();
    assertThat(down1.out()).contains("parallelism 6 -> 2 (in-place").contains("done");
    FlinkClusterStatus back = store.status("scaled").orElseThrow();
    assertThat(counting(back)).isEqualTo(2);
    assertThat(back.taskManager().readyReplicas()).isEqualTo(1);
    long again = back.job().lastCheckpoint().id();
    await(s -> s.job().lastCheckpoint().id() > again + 2);

    Cli stop = Cli.run("down", "scaled", "--savepoint");
    assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
    VerifyOutput.Report report = VerifyOutput.verify(out, 8);
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.records()).isGreaterThan(1000);
  }

  /** Parallelism of the counting vertex as Flink reports it now. */
  private static int counting(FlinkClusterStatus s) {
    JobDetails details = new HttpFlinkRestClient(URI.create(s.restUrl()), Duration.ofSeconds(10)).job(s.job().id());
    return details.vertices().stream().filter(v -> v.name().contains("count-per-key")).findFirst().orElseThrow()
        .parallelism();
  }

  private FlinkClusterStatus await(Predicate<FlinkClusterStatus> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    FlinkClusterStatus last = null;
    while (Instant.now().isBefore(deadline)) {
      last = store.status("scaled").orElse(null);
      if (last != null && done.test(last)) {
        return last;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("timed out; last status " + last);
  }
}
