package dev.flinkctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.rest.JobOverview;
import dev.flinkctl.examples.VerifyOutput;
import dev.flinkctl.model.ClusterResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JobManagers with ZooKeeper HA against a real ZooKeeper server. Each JobManager is killed in
 * turn, so one of the kills hits the leader whichever it was: the job must carry on from its
 * checkpoints as one job, never two, with nothing lost or duplicated at the sink.
 */
class HighAvailabilityTest {
  static final Duration UP = Duration.ofSeconds(150);

  @Test
  void killingJobManagersHandsOverToTheStandby(@TempDir Path home, @TempDir Path out) {
    LocalClusters.assertJarBuilt();
    try (LocalClusters local = new LocalClusters(home)) {
      String spec = """
          apiVersion: flink.apache.org/v1beta1
          kind: FlinkCluster
          metadata: {name: ha}
          spec:
            image: flink:1.20
            jobManager: {replicas: 2, resources: {memory: 1024m, cpu: 1}}
            taskManager: {replicas: 1, slots: 2, resources: {memory: 1280m, cpu: 1}}
            flinkConfiguration:
              execution.checkpointing.interval: 1s
              restart-strategy.type: fixed-delay
              restart-strategy.fixed-delay.attempts: "100"
              restart-strategy.fixed-delay.delay: 1s
            job:
              jarURI: %s
              entryClass: dev.flinkctl.examples.CountingJob
              args: [--output, %s, --rate, "200", --keys, "4"]
              parallelism: 2
          """.formatted(LocalClusters.JOB_JAR.toUri(), out.toUri());
      local.apply(spec);
      FlinkClusterStatus s = local.awaitStatus("ha", UP, st -> st.phase() == Phase.Running
          && st.job() != null && st.job().lastCheckpoint() != null);
      String jobId = s.job().id();
      assertThat(s.jobManager().ready()).isEqualTo("2/2");
      assertThat(Files.exists(home.resolve("clusters/ha/zookeeper"))).isTrue();

      for (String victim : new String[] {"jobmanager-0", "jobmanager-1"}) {
        long before = s.job().lastCheckpoint().id();
        assertThat(local.supervisor.platform().kill("ha", victim)).isTrue();
        s = local.awaitStatus("ha", UP, st -> st.phase() == Phase.Running && st.jobManager().readyReplicas() == 2
            && jobId.equals(st.job().id()) && "RUNNING".equals(st.job().state())
            && st.job().lastCheckpoint() != null && st.job().lastCheckpoint().id() > before + 2);
        var resolved = ClusterResolver.resolve(local.store.cluster("ha").orElseThrow()).orThrow();
        assertThat(local.supervisor.platform().rest(resolved).orElseThrow().jobs())
            .as("one job after the failover, not two").filteredOn(j -> !j.state().isGloballyTerminal())
            .extracting(JobOverview::jid).containsExactly(jobId);
      }
      assertThat(local.log).anyMatch(l -> l.contains("jobmanager-0 is not running; restarting it"));

      local.apply(spec.replace("parallelism: 2\n", "parallelism: 2\n    state: suspended\n"));
      local.awaitStatus("ha", UP, st -> st.phase() == Phase.Suspended);
      VerifyOutput.Report report = VerifyOutput.verify(out, 4);
      assertThat(report.ok()).as(report.toString()).isTrue();
    }
  }
}
