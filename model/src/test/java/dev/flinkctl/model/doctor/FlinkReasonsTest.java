package dev.flinkctl.model.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlinkReasonsTest {
  @Test
  void sizesAreWrittenOnceInMebibytes() {
    assertThat(FlinkReasons.readableSizes("Managed Memory (25.600mb (26843546 bytes)) and Task Off-Heap Memory (0 bytes)"))
        .isEqualTo("Managed Memory (25.6m) and Task Off-Heap Memory (0m)");
  }

  @Test
  void aRefusalSaysWhatItMeansThenWhatFlinkSaid() {
    FlinkMemory.Refused refused = (FlinkMemory.Refused) FlinkMemory.taskManager(
        Map.of("taskmanager.memory.process.size", "512m"), FlinkVersion.V1_20);
    String plain = FlinkReasons.plain(refused.flinkMessage());
    assertThat(plain).startsWith("the parts Flink sizes first").contains("Flink says: Sum of configured Framework Heap"
        + " Memory (128m)").doesNotContain("bytes)", "TaskManager memory configuration failed");
  }

  @Test
  void unknownReasonsAreKeptAsFlinkSaysThem() {
    assertThat(FlinkReasons.plain("something new (1024 bytes)")).isEqualTo("Flink says: something new (0m)");
  }
}
