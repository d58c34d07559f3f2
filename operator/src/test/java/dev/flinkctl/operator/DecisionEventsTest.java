package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.Action;
import dev.flinkctl.control.Reconciler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionEventsTest {
  private final FlinkClusterStatus deploying = FlinkClusterStatus.initial().withPhase(Phase.Deploying);

  @Test
  void aQuietStepHasNoEvents() {
    var step = new Reconciler.Step(deploying, new Action.Wait("steady"), Duration.ofSeconds(1));
    assertThat(DecisionEvents.of(deploying, step)).isEmpty();
  }

  @Test
  void actionsAndChangesEachGetOne() {
    FlinkClusterStatus after = deploying.withPhase(Phase.Invalid)
        .withReconciliation(deploying.reconciliationOrEmpty().withError("savepoint failed: disk full"))
        .withSavepoints(List.of(new JobStatus.SavepointInfo("s3://b/sp-1", "2026-01-01T00:00:00Z", "t")));
    var step = new Reconciler.Step(after, new Action.TriggerSavepoint("j", "s3://b", "t"), Duration.ofSeconds(1));

    assertThat(DecisionEvents.of(deploying, step)).extracting(DecisionEvents.Note::reason)
        .containsExactly("SavepointTriggered", "InvalidSpec", "SavepointCompleted", "ReconcileFailed");
    assertThat(DecisionEvents.of(after, step)).extracting(DecisionEvents.Note::reason)
        .containsExactly("SavepointTriggered");
  }
}
