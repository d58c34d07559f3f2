package dev.flinkctl.control.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class FlinkJobStateTest {

  @Test
  void parsesFlinksNamesAndMapsUnknownOnesToUnknown() {
    assertThat(FlinkJobState.of("RUNNING")).isEqualTo(FlinkJobState.RUNNING);
    assertThat(FlinkJobState.of("RECONCILING")).isEqualTo(FlinkJobState.RECONCILING);
    assertThat(FlinkJobState.of("HIBERNATING")).isEqualTo(FlinkJobState.UNKNOWN);
    assertThat(FlinkJobState.of(null)).isEqualTo(FlinkJobState.UNKNOWN);
  }

  @Test
  void terminalStates() {
    assertThat(Arrays.stream(FlinkJobState.values()).filter(FlinkJobState::isGloballyTerminal))
        .containsExactlyInAnyOrder(FlinkJobState.FAILED, FlinkJobState.CANCELED, FlinkJobState.FINISHED);
    assertThat(Arrays.stream(FlinkJobState.values()).filter(FlinkJobState::isTerminal))
        .containsExactlyInAnyOrder(FlinkJobState.FAILED, FlinkJobState.CANCELED, FlinkJobState.FINISHED,
            FlinkJobState.SUSPENDED);
    assertThat(EnumSet.of(FlinkJobState.RUNNING, FlinkJobState.RESTARTING, FlinkJobState.FAILING,
        FlinkJobState.CANCELLING, FlinkJobState.UNKNOWN))
        .noneMatch(FlinkJobState::isTerminal);
  }
}
