package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.AutoscalerStatus;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.control.Action;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.control.rest.ParallelismBounds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

  @Test
  void aRescaleGetsAnEventWhenItStartsFallsBackAndCompletes() {
    FlinkClusterStatus running = deploying.withPhase(Phase.Running);
    RescaleStatus started = new RescaleStatus(1, 3, 1, 3, "in-place", "3 TaskManagers x 1 slot = 3",
        "2026-01-01T00:00:00Z", null, null);
    FlinkClusterStatus rescaling = running.withRescale(started);
    assertThat(ScalingEvents.of(running, rescaling)).singleElement().satisfies(n -> {
      assertThat(n.reason()).isEqualTo("RescaleStarted");
      assertThat(n.message()).isEqualTo("rescaling in-place from 1 to 3 TaskManagers, job parallelism 1 → 3"
          + " (3 TaskManagers x 1 slot = 3)");
    });
    assertThat(ScalingEvents.of(rescaling, rescaling)).as("nothing new, no event").isEmpty();

    FlinkClusterStatus fellBack = running.withRescale(started.withMethod("savepoint", "Flink refused: no slots"));
    assertThat(ScalingEvents.of(rescaling, fellBack)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo(DecisionEvents.WARNING);
      assertThat(n.message()).isEqualTo("rescaling by savepoint instead of in-place: Flink refused: no slots");
    });

    FlinkClusterStatus done = running.withRescale(started.completed("2026-01-01T00:00:09.500Z", null));
    assertThat(ScalingEvents.of(rescaling, done)).singleElement().satisfies(n -> {
      assertThat(n.reason()).isEqualTo("Rescaled");
      assertThat(n.message()).isEqualTo("job runs at parallelism 3 on 3 TaskManagers, rescaled in-place after 9.5 s");
    });
    assertThat(ScalingEvents.of(done, done)).isEmpty();
  }

  @Test
  void eachAutoscalerDecisionGetsAnEventWithItsReason() {
    AutoscalerStatus decision = new AutoscalerStatus("2026-01-01T00:00:00Z", 1, 4,
        "scaling up from 1 to 4 TaskManagers: lag 30000 / lagThreshold 500 = 60, capped at 4 partitions", 71, 60,
        30000L, 4);
    FlinkClusterStatus running = deploying.withPhase(Phase.Running);
    var step = new Reconciler.Step(running.withAutoscaler(decision), new Action.Wait("steady"), Duration.ofSeconds(2));

    assertThat(DecisionEvents.of(running, step)).singleElement().satisfies(n -> {
      assertThat(n.reason()).isEqualTo("Autoscaling");
      assertThat(n.message()).isEqualTo(decision.reason());
    });
    assertThat(DecisionEvents.of(step.status(), step)).isEmpty();
  }

  @Test
  void anInPlaceParallelismChangeSaysWhatItAsksFor() {
    var step = new Reconciler.Step(deploying, new Action.SetParallelism("j1",
        Map.of("v1", ParallelismBounds.exactly(3), "v2", new ParallelismBounds(1, 3))), Duration.ofSeconds(1));
    assertThat(DecisionEvents.of(deploying, step)).singleElement().satisfies(n -> {
      assertThat(n.reason()).isEqualTo("SettingParallelism");
      assertThat(n.message()).contains("job j1", "2 vertices", "parallelism up to 3");
    });
  }
}
