package dev.flinkctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.examples.VerifyOutput;
import dev.flinkctl.model.JobLaunch;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application cluster on real Flink processes through the shared control loop: deploy, a
 * savepoint upgrade, a TaskManager crash, suspend; the sink's output is then checked for loss
 * and duplicates, and the per-key counts must continue across every restore.
 */
class ApplicationLifecycleTest {
  static final Duration UP = Duration.ofSeconds(120);

  static String spec(Path out, String extraArgs, String state) {
    return """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: counting}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: 1, slots: 2, resources: {memory: 1280m, cpu: 1}}
          flinkConfiguration:
            execution.checkpointing.interval: 1s
          job:
            jarURI: %s
            entryClass: dev.flinkctl.examples.CountingJob
            args: [--output, %s, --rate, "200", --keys, "4"%s]
            parallelism: 2
            state: %s
        """.formatted(LocalClusters.JOB_JAR.toUri(), out.toUri(), extraArgs, state);
  }

  static boolean running(FlinkClusterStatus s, long run) {
    return s.phase() == Phase.Running && s.job() != null && "RUNNING".equals(s.job().state())
        && JobLaunch.jobId(null, "counting", run).equals(s.job().id());
  }

  @Test
  void deployUpgradeCrashSuspend(@TempDir Path home, @TempDir Path out) {
    LocalClusters.assertJarBuilt();
    try (LocalClusters local = new LocalClusters(home)) {
      local.apply(spec(out, "", "running"));
      FlinkClusterStatus s = local.awaitStatus("counting", UP, st -> running(st, 0));
      assertThat(s.restUrl()).startsWith("http://localhost:");
      assertThat(s.taskManager().ready()).isEqualTo("1/1");
      local.awaitStatus("counting", UP, st -> st.job().lastCheckpoint() != null);

      local.apply(spec(out, ", --name, v2", "running"));
      s = local.awaitStatus("counting", UP, st -> running(st, 1));
      assertThat(s.savepoints()).hasSize(1);
      assertThat(s.reconciliationOrEmpty().restorePath()).isEqualTo(s.savepoints().get(0).location());

      long before = local.awaitStatus("counting", UP, st -> st.job().lastCheckpoint() != null)
          .job().lastCheckpoint().id();
      assertThat(local.supervisor.platform().kill("counting", "taskmanager-0")).isTrue();
      s = local.awaitStatus("counting", UP, st -> running(st, 1) && st.job().lastCheckpoint() != null
          && st.job().lastCheckpoint().id() > before + 2);
      assertThat(local.log).anyMatch(l -> l.contains("taskmanager-0 is not running; restarting it"));
      LocalClusters.sleep(Duration.ofSeconds(3));

      local.apply(spec(out, ", --name, v2", "suspended"));
      s = local.awaitStatus("counting", UP, st -> st.phase() == Phase.Suspended);
      assertThat(s.savepoints()).hasSize(2);

      VerifyOutput.Report report = VerifyOutput.verify(out, 4);
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(report.records()).isGreaterThan(500);
    }
  }
}
