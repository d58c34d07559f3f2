package dev.flinkctl.model.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.InvalidSpecException;
import dev.flinkctl.model.Seeds;
import dev.flinkctl.model.kubernetes.KubernetesModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wording and the edges of single rules, beyond the corpus's yes/no. */
class RuleDetailsTest {
  static List<Finding> findings(String image, String spec) {
    return Doctor.examine(Seeds.minimal(image, spec)).findings();
  }

  static Finding only(String rule, String image, String spec) {
    return findings(image, spec).stream().filter(f -> f.rule().equals(rule)).findFirst()
        .orElseThrow(() -> new AssertionError(rule + " not in " + findings(image, spec)));
  }

  @Test
  void overheadOutOfRangeSaysWhichFlinkSizesWork() {
    Finding f = only("memory-taskmanager", "flink:1.20",
        "taskManager: {resources: {memory: 4096m}}\nflinkConfiguration: {taskmanager.memory.flink.size: 1000m}");
    // 4096 - 256 metaspace - 1024 overhead max = 2816; 4096 - 256 - 192 overhead min = 3648.
    assertThat(f.fix()).startsWith("set taskmanager.memory.flink.size between 2816m and 3648m");
    assertThat(f.field()).isEqualTo("spec.taskManager.resources.memory");
    assertThat(f.message()).contains("is not in configured JVM Overhead range [192m, 1024m]");
  }

  @Test
  void legacyHeapKeyCountsIn1xAndIsIgnoredIn2x() {
    // 1.x reads it as flink.size: 1728 - 300 - 256 leaves 1172m of overhead, above the 1g max.
    String spec = "flinkConfiguration: {taskmanager.heap.size: 300m}";
    assertThat(findings("flink:1.19", spec)).extracting(Finding::rule).contains("memory-taskmanager");
    assertThat(findings("flink:2.0", spec)).extracting(Finding::rule)
        .doesNotContain("memory-taskmanager").contains("config-key-unknown");
  }

  @Test
  void unparsableMemoryValueNamesItsKey() {
    Finding f = only("memory-taskmanager", "flink:1.20", "flinkConfiguration: {taskmanager.memory.network.min: lots}");
    assertThat(f.field()).isEqualTo("spec.flinkConfiguration.taskmanager.memory.network.min");
    assertThat(f.message()).contains("not a size Flink can read");
  }

  @Test
  void memoryErrorsRefuseRenderAndResolve() {
    var small = Seeds.minimal("flink:1.20", "taskManager: {resources: {memory: 512m}}");
    assertThat(ClusterResolver.resolve(small).cluster()).isNull();
    try {
      KubernetesModel.render(small);
      throw new AssertionError("render accepted a TaskManager Flink refuses");
    } catch (InvalidSpecException e) {
      assertThat(e.errors()).extracting(Finding::rule).containsExactly("memory-taskmanager");
    }
  }

  @Test
  void reactiveModeTakesWhateverSlotsThereAre() {
    assertThat(findings("flink:1.20", """
        flinkConfiguration: {scheduler-mode: reactive, execution.checkpointing.interval: 1min,
          execution.checkpointing.dir: "s3://b/c", pipeline.max-parallelism: "64"}
        job: {jarURI: "local:///opt/flink/usrlib/j.jar", parallelism: 8}""")).extracting(Finding::rule)
        .containsExactly("reactive-ignores-parallelism");
  }

  @Test
  void keyOfAnotherVersionIsSaidSo() {
    Finding f = only("config-key-unknown", "flink:1.18", "flinkConfiguration: {execution.checkpointing.incremental: \"true\"}");
    assertThat(f.message()).contains("not a configuration option of Flink 1.18 (it is an option of Flink 1.20, 2.0, 2.1, 2.2)");
  }

  @Test
  void enumValuesAreCheckedAsFlinkReadsThem() {
    assertThat(only("config-value-invalid", "flink:1.20", "flinkConfiguration: {execution.checkpointing.mode: exactly-once}")
        .message()).contains("is not one of EXACTLY_ONCE, AT_LEAST_ONCE");
    assertThat(findings("flink:1.20", "flinkConfiguration: {execution.checkpointing.mode: exactly_once}")).isEmpty();
  }

  @Test
  void zooKeeperWithReplicasIsReplaced() {
    Finding f = only("ha-keys-conflict", "flink:1.20", """
        jobManager: {replicas: 2}
        flinkConfiguration: {high-availability.type: zookeeper, high-availability.storageDir: "s3://b/ha"}""");
    assertThat(f.message()).contains("ZooKeeper keys are unused");
  }

  @Test
  void sessionWithOneJobsRestorePathIsJobLike() {
    Finding f = only("session-cluster-production", "flink:1.20",
        "flinkConfiguration: {execution.state-recovery.path: \"s3://b/sp/savepoint-1\"}");
    assertThat(f.message()).contains("execution.savepoint.path (applies to every job submitted)");
  }

  @Test
  void aVolumeMountedInOnlyOnePodIsNotShared() {
    String pvc = """
        template:
          spec:
            containers: [{name: taskmanager, volumeMounts: [{name: s, mountPath: /data}]}]
            volumes: [{name: s, persistentVolumeClaim: {claimName: c}}]""";
    assertThat(findings("flink:1.20", "taskManager:\n" + pvc.indent(2)
        + "flinkConfiguration: {state.checkpoints.dir: \"file:///data/cp\"}")).extracting(Finding::rule)
        .contains("checkpoint-dir-pod-local");
  }

  @Test
  void hostNetworkOnTheJobManagerToo() {
    assertThat(only("host-network-dns", "flink:1.20", "jobManager: {template: {spec: {hostNetwork: true}}}").field())
        .isEqualTo("spec.jobManager.template.spec.dnsPolicy");
  }

  @Test
  void localPaths() {
    assertThat(StorageRules.localPath("file:///data/cp")).isEqualTo("/data/cp");
    assertThat(StorageRules.localPath("/data/cp")).isEqualTo("/data/cp");
    assertThat(StorageRules.localPath("s3://b/cp")).isNull();
    assertThat(StorageRules.localPath("hdfs:///cp")).isNull();
  }

  @Test
  void mebibytesAsPeopleReadThem() {
    assertThat(MemoryBreakdown.mebibytes(973L << 20)).isEqualTo("973m");
    assertThat(MemoryBreakdown.mebibytes(1234698219L)).isEqualTo("1177.5m");
    assertThat(MemoryBreakdown.mebibytes(0)).isEqualTo("0m");
  }
}
