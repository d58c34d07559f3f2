package dev.flinkctl.model.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.model.Finding;
import dev.flinkctl.model.Seeds;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

/** What the doctor says about the seed manifests, and the Flink facts behind it. */
class SeedFindingsTest {
  private static final long MIB = 1024 * 1024;

  static Doctor.Report examine(String seed) {
    return Doctor.examine(Seeds.load(seed));
  }

  @Test
  void tunedSeedsMemoryPairIsValidAndImplies973mOfOverhead() {
    Doctor.Report report = examine("flink-cluster-tuned.yaml");
    MemoryBreakdown tm = report.taskManager().orElseThrow();
    // 4096m process - 2867m flink.size - 256m metaspace: the rest is JVM overhead.
    assertThat(tm.bytes("JVM overhead")).isEqualTo(973 * MIB);
    assertThat(tm.flinkBytes()).isEqualTo(2867 * MIB);
    Configuration defaults = new Configuration();
    assertThat(MemorySize.ofMebiBytes(973)).isBetween(defaults.get(TaskManagerOptions.JVM_OVERHEAD_MIN),
        defaults.get(TaskManagerOptions.JVM_OVERHEAD_MAX));
    // flink.size is Flink's total memory, not the heap the article's comment calls it.
    assertThat(tm.heapBytes()).isLessThan(tm.flinkBytes() / 2);
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.findings()).filteredOn(f -> f.rule().equals("memory-overhead-implied")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("4096m - 2867m - 256m (metaspace) = 973m"));
  }

  @Test
  void tunedSeedsS3QueryStringIsNotAnOption() {
    Doctor.Report report = examine("flink-cluster-tuned.yaml");
    Finding f = report.findings().stream().filter(x -> x.rule().equals("s3-query-string")).findFirst().orElseThrow();
    assertThat(f.field()).isEqualTo("spec.flinkConfiguration.state.checkpoints.dir");
    assertThat(f.fix()).contains("s3.multipart.size: \"104857600\"", "fs.s3a.multipart.size",
        "s3.multipart.min-part-size", "s3.upload.min.part.size");
    // The claim behind the rule: Flink's Path keeps the query string in the directory name.
    Path path = new Path("s3://bucket/flink-checkpoints?partSize=104857600");
    assertThat(path.getName()).isEqualTo("flink-checkpoints?partSize=104857600");
    assertThat(path.toUri().getQuery()).isNull();
  }

  @Test
  void tunedSeedsOtherFindings() {
    assertThat(examine("flink-cluster-tuned.yaml").findings()).extracting(Finding::rule)
        .contains("parallelism-exceeds-slots", "session-cluster-production")
        // slots = CPU, timeout = 3x interval, one concurrent checkpoint, hostNetwork with its DNS policy.
        .doesNotContain("slots-exceed-cpu", "checkpoint-timeout-short", "checkpoint-concurrency", "host-network-dns",
            "rocksdb-managed-memory-off", "memory-taskmanager", "config-key-unknown");
  }

  @Test
  void sessionSeed() {
    Doctor.Report report = examine("flink-cluster.yaml");
    assertThat(report.findings()).extracting(Finding::rule)
        .contains("checkpoint-timeout-short", "session-cluster-production")
        .doesNotContain("ha-storage-required", "checkpoint-dir-pod-local", "memory-taskmanager");
    assertThat(report.hasErrors()).isFalse();
    // Flink's own split of 4096m, against the article's "flink.size is 70%": 4096 - 256 - 409.6 = 3430.4m, not 2867m.
    assertThat(report.taskManager().orElseThrow().flinkBytes()).isBetween(3430 * MIB, 3431 * MIB);
  }

  @Test
  void applicationSeed() {
    Doctor.Report report = examine("flink-application.yaml");
    assertThat(report.findings()).extracting(Finding::rule)
        .containsExactlyInAnyOrder("checkpoint-timeout-short", "max-parallelism-unset");
    assertThat(report.jobManager().orElseThrow().processBytes()).isEqualTo(2048 * MIB);
    assertThat(report.taskManager().orElseThrow().bytes("managed")).isGreaterThan(0);
  }

  @Test
  void doctorMessagesNameFieldReasonAndFix() {
    for (String seed : Seeds.CLUSTERS) {
      for (Finding f : examine(seed).findings()) {
        assertThat(f.field()).as(f.toString()).matches("^(spec|metadata)\\..+");
        assertThat(f.message()).as(f.toString()).isNotBlank();
        if (f.severity() != dev.flinkctl.model.Severity.INFO) {
          assertThat(f.fix()).as(f.toString()).isNotBlank();
        }
      }
    }
  }
}
