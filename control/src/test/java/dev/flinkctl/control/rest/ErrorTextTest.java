package dev.flinkctl.control.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

  @Test
  void firstLineOfAtMostThreeEntries() {
    String summary = ErrorText.summary(List.of(
        "org.apache.flink.runtime.rest.handler.RestHandlerException: first\n\tat a.B.c(B.java:1)",
        "second", "third", "fourth", "fifth"));

    assertThat(summary).isEqualTo(
        "org.apache.flink.runtime.rest.handler.RestHandlerException: first; second; third; (2 more)");
  }

  @Test
  void rootCauseIsTheLastCausedBy() {
    assertThat(ErrorText.summary("A: outer\n\tat x\nCaused by: B: middle\n\tat y\nCaused by: C: root\n"))
        .isEqualTo("A: outer (root cause: C: root)");
    assertThat(ErrorText.summary("C: root\nCaused by: C: root")).isEqualTo("C: root");
  }

  @Test
  void longLinesAreClipped() {
    assertThat(ErrorText.summary("x".repeat(1000))).hasSize(301).endsWith("…");
  }
}
