package dev.flinkctl.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemorySizesTest {
  @ParameterizedTest
  @CsvSource({"2048m,2048", "2048M,2048", "2g,2048", "2G,2048", "2Gi,2048", "2048Mi,2048", "4096mb,4096",
      "1.5g,1536", "1048576k,1024", "1Ti,1048576", "2147483648,2048", "2048 m,2048"})
  void parsesFlinkAndKubernetesSizes(String text, long mebibytes) {
    assertThat(MemorySizes.parseMebibytes(text)).contains(mebibytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lots", "2 GB of RAM", "-1g", "2x", "1e9"})
  void rejectsWhatIsNoSize(String text) {
    assertThat(MemorySizes.parseBytes(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"1,1000", "2,2000", "0.5,500", "500m,500", "1.25,1250"})
  void parsesCpu(String text, long millis) {
    assertThat(CpuAmounts.parseMillis(text)).contains(millis);
    assertThat(CpuAmounts.parseMillis(CpuAmounts.kubernetes(millis))).contains(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "two", "-1", "1 core"})
  void rejectsWhatIsNoCpu(String text) {
    assertThat(CpuAmounts.parseMillis(text)).isEmpty();
  }
}
