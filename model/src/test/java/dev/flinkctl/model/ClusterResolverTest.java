package dev.flinkctl.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.api.JobState;
import dev.flinkctl.api.ServiceType;
import dev.flinkctl.api.UpgradeMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterResolverTest {
  private static List<String> errorRules(ClusterResolver.Result r) {
    return r.findings().stream().filter(Finding::isError).map(Finding::rule).toList();
  }

  @Test
  void seedSessionCluster() {
    ResolvedCluster c = ClusterResolver.resolve(Seeds.load("flink-cluster.yaml")).orThrow();
    assertThat(c.version()).isEqualTo(FlinkVersion.V1_18);
    assertThat(c.highAvailability()).isTrue();
    assertThat(c.jobManager().memoryMiB()).isEqualTo(2048);
    assertThat(c.jobManager().cpuMillis()).isEqualTo(1000);
    assertThat(c.taskManager().memoryMiB()).isEqualTo(4096);
    assertThat(c.taskManager().slots()).as("slots = CPU").isEqualTo(2);
    assertThat(c.taskManager().replicas()).isEqualTo(3);
    assertThat(c.jobManager().serviceType()).isEqualTo(ServiceType.ClusterIP);
    assertThat(c.serviceAccount()).isEqualTo("production-flink-flink");
    assertThat(c.createServiceAccount()).isTrue();
    assertThat(c.isApplication()).isFalse();
  }

  @Test
  void seedApplicationClusterDefaults() {
    ResolvedCluster c = ClusterResolver.resolve(Seeds.load("flink-application.yaml")).orThrow();
    assertThat(c.isApplication()).isTrue();
    assertThat(c.namespace()).isEqualTo("team-a");
    assertThat(c.job().parallelism()).isEqualTo(4);
    assertThat(c.job().pinned()).isTrue();
    assertThat(c.job().spec().upgradeMode()).isEqualTo(UpgradeMode.SAVEPOINT);
    assertThat(c.job().spec().state()).isEqualTo(JobState.RUNNING);
    assertThat(c.highAvailability()).isFalse();
    assertThat(c.serviceAccount()).isNull();
  }

  @Test
  void tunedSeedMemoryMatchesItsProcessSize() {
    ClusterResolver.Result r = ClusterResolver.resolve(Seeds.load("flink-cluster-tuned.yaml"));
    assertThat(errorRules(r)).isEmpty();
    assertThat(r.cluster().taskManager().slots()).isEqualTo(2);
  }

  @Test
  void parallelismDefaultsToAllSlots() {
    ResolvedCluster c = ClusterResolver.resolve(Seeds.minimal("flink:1.20", """
        taskManager: {replicas: 3, resources: {cpu: 2}}
        job: {jarURI: local:///opt/flink/usrlib/a.jar}
        """)).orThrow();
    assertThat(c.job().parallelism()).isEqualTo(6);
    assertThat(c.job().pinned()).isFalse();
  }

  @Test
  void scalingPastMaxParallelismCapsTheJobInsteadOfRefusingTheSpec() {
    ClusterResolver.Result r = ClusterResolver.resolve(Seeds.minimal("flink:1.20", """
        taskManager: {replicas: 10, resources: {cpu: 2}}
        flinkConfiguration: {pipeline.max-parallelism: "16"}
        job: {jarURI: local:///opt/flink/usrlib/a.jar}
        """));
    assertThat(r.cluster().job().parallelism()).isEqualTo(16);
    assertThat(r.findings()).noneMatch(Finding::isError)
        .anySatisfy(f -> assertThat(f.message()).contains("replicas x slots = 20 is above pipeline.max-parallelism 16"));
  }

  @Test
  void versionFromSpecOrTag() {
    assertThat(ClusterResolver.resolve(Seeds.minimal("registry:5000/team/flink:2.0.0-java17", "")).orThrow()
        .version()).isEqualTo(FlinkVersion.V2_0);
    assertThat(ClusterResolver.resolve(Seeds.minimal("my/flink-job:latest", "flinkVersion: \"1.19\"")).orThrow()
        .version()).isEqualTo(FlinkVersion.V1_19);
  }

  @Test
  void untaggedImageNeedsFlinkVersion() {
    ClusterResolver.Result r = ClusterResolver.resolve(Seeds.minimal("my/flink-job:latest", ""));
    assertThat(errorRules(r)).containsExactly("flink-version-required");
    assertThat(r.findings().get(0).field()).isEqualTo("spec.flinkVersion");
  }

  @Test
  void oldFlinkIsRefused() {
    assertThat(errorRules(ClusterResolver.resolve(Seeds.minimal("apache/flink:1.14.4-scala_2.11", ""))))
        .containsExactly("flink-version-unsupported");
  }

  @Test
  void badSizesNameTheirField() {
    ClusterResolver.Result r = ClusterResolver.resolve(Seeds.minimal("flink:1.18", """
        jobManager: {resources: {memory: lots}}
        taskManager: {resources: {cpu: two}}
        """));
    assertThat(r.findings()).filteredOn(Finding::isError).extracting(Finding::field)
        .containsExactlyInAnyOrder("spec.jobManager.resources.memory", "spec.taskManager.resources.cpu");
    assertThat(r.cluster()).isNull();
  }

  @Test
  void containerMemoryMustMatchProcessSize() {
    ClusterResolver.Result r = ClusterResolver.resolve(Seeds.minimal("flink:1.18", """
        taskManager: {resources: {memory: 4g}}
        flinkConfiguration: {taskmanager.memory.process.size: 2g}
        """));
    assertThat(errorRules(r)).containsExactly("memory-process-size-mismatch");
  }

  @Test
  void bothNamesOfOneKeyAreAnError() {
    ClusterResolver.Result r = ClusterResolver.resolve(Seeds.minimal("flink:1.20", """
        flinkConfiguration:
          state.checkpoints.dir: s3://a
          execution.checkpointing.dir: s3://b
        """));
    assertThat(errorRules(r)).containsExactly("config-key-duplicate");
  }

  @Test
  void invalidNamesAreRefused() {
    var cluster = Seeds.minimal("flink:1.20", "");
    cluster.getMetadata().setName("Prod_Flink");
    assertThat(errorRules(ClusterResolver.resolve(cluster))).containsExactly("name-format");
  }

  @Test
  void fractionalCpuStillGetsOneSlot() {
    ResolvedCluster c = ClusterResolver.resolve(Seeds.minimal("flink:1.20", "taskManager: {resources: {cpu: 500m}}"))
        .orThrow();
    assertThat(c.taskManager().slots()).isEqualTo(1);
  }
}
