package dev.flinkctl.model.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkVersion;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.junit.jupiter.api.Test;

class KnownOptionsTest {
  @Test
  void committedListHoldsEveryOptionOfTheFlinkOnTheClassPath() throws URISyntaxException {
    List<Path> jars = List.of(jarOf(Configuration.class), jarOf(TaskExecutorProcessUtils.class));
    OptionScanner.Scan scan = OptionScanner.scan(jars, KnownOptionsTest.class.getClassLoader());
    assertThat(scan.lines()).hasSizeGreaterThan(500);
    KnownOptions known = KnownOptions.of(FlinkVersion.V1_20);
    scan.lines().forEach((key, line) -> {
      KnownOptions.Option option = known.option(key).orElseThrow(() -> new AssertionError(key + " is not listed"));
      // Without their optional dependencies some option classes do not load here (RestartStrategyOptions
      // needs commons-compress), leaving only an older deprecated twin such as ConfigConstants' one.
      if (line.split("\t")[2].equals("-")) {
        assertThat(option.type()).as(key).isEqualTo(line.split("\t")[1]);
      }
    });
  }

  @Test
  void everySupportedVersionHasItsList() {
    for (FlinkVersion v : FlinkVersion.SUPPORTED) {
      KnownOptions known = KnownOptions.of(v);
      assertThat(known.all()).as("Flink %s", v).hasSizeGreaterThan(600);
      assertThat(known.option("taskmanager.memory.process.size")).as("Flink %s", v).isPresent();
      assertThat(known.option("execution.checkpointing.interval").orElseThrow().type()).isEqualTo("Duration");
    }
    // What changed between versions is what the lists say.
    assertThat(KnownOptions.of(FlinkVersion.V1_18).option("taskmanager.heap.size").orElseThrow().deprecated()).isTrue();
    assertThat(KnownOptions.of(FlinkVersion.V2_0).knows("taskmanager.heap.size")).isFalse();
    assertThat(KnownOptions.of(FlinkVersion.V2_0).aliasOf("state.backend.incremental").orElseThrow().key())
        .isEqualTo("execution.checkpointing.incremental");
  }

  @Test
  void suggestsTheKeyMeant() {
    KnownOptions known = KnownOptions.of(FlinkVersion.V1_20);
    assertThat(known.closest("taskmanager.numberOfTaskSlot")).contains("taskmanager.numberOfTaskSlots");
    assertThat(known.closest("execution.checkpointing.intervall")).contains("execution.checkpointing.interval");
    assertThat(known.closest("state.backend.rocksdb.memory.manged")).contains("state.backend.rocksdb.memory.managed");
    assertThat(known.closest("my.own.setting")).isEmpty();
  }

  @Test
  void distanceStopsAtTheLimit() {
    assertThat(KnownOptions.distance("kitten", "sitting", 5)).isEqualTo(3);
    assertThat(KnownOptions.distance("abc", "abc", 0)).isZero();
    assertThat(KnownOptions.distance("a", "abcdef", 2)).isEqualTo(3);
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
