package dev.flinkctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.AutoscalerStatus;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.RescaleStatus;
import org.junit.jupiter.api.Test;

class StatusTableTest {
  private final FlinkClusterStatus running = FlinkClusterStatus.initial().withPhase(Phase.Running);

  @Test
  void noRescaleNoAutoscalerNoLines() {
    assertThat(StatusTable.scaling(running)).isEmpty();
  }

  @Test
  void theLatestRescaleAndAutoscalerDecisionWithTheirReasons() {
    RescaleStatus rescale = new RescaleStatus(1, 4, 1, 4, "in-place", "4 TaskManagers x 1 slot = 4",
        "2026-12-06T09:43:49.325Z", "2026-12-06T09:44:01.100Z", "running at parallelism 4 after 12 s (in-place)");
    AutoscalerStatus decision = new AutoscalerStatus("2026-12-06T09:43:49.325Z", 1, 4,
        "scaling up from 1 to 4 TaskManagers: lag 17177 / lagThreshold 500 = 34.4 → 35, capped at 4 partitions", 89,
        98, 17177L, 4);

    assertThat(StatusTable.scaling(running.withRescale(rescale).withAutoscaler(decision))).containsExactly(
        "rescale: 1 -> 4 TaskManagers, parallelism 1 -> 4, in-place, done 09:44:01 (4 TaskManagers x 1 slot = 4)",
        "  running at parallelism 4 after 12 s (in-place)",
        "autoscaler, 09:43:49: scaling up from 1 to 4 TaskManagers: lag 17177 / lagThreshold 500 = 34.4 → 35,"
            + " capped at 4 partitions");
  }

  @Test
  void aRescaleInProgressSaysSince() {
    RescaleStatus started = new RescaleStatus(2, 1, 4, 2, "savepoint", "1 TaskManager x 2 slots = 2",
        "2026-12-06T10:00:00Z", null, null);
    assertThat(StatusTable.scaling(running.withRescale(started))).containsExactly(
        "rescale: 2 -> 1 TaskManagers, parallelism 4 -> 2, savepoint, in progress since 10:00:00"
            + " (1 TaskManager x 2 slots = 2)");
  }
}
