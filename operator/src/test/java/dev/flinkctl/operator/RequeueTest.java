package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.ComponentStatus;
import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.control.Action;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.model.Seeds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequeueTest {
  private final Requeue requeue = new Requeue(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
  private final FlinkCluster session = withUid(Seeds.load("flink-cluster.yaml"));
  private final FlinkCluster application = withUid(Seeds.load("flink-application.yaml"));

  @Test
  void afterAnActionTheLoopLooksAgainSoon() {
    var step = new Reconciler.Step(status(Phase.Deploying, 0), new Action.Scale(3), Duration.ofSeconds(1));
    assertThat(requeue.after(session, null, step)).contains(Duration.ofSeconds(1));
  }

  @Test
  void whileJobManagersAreNotReadyOnlyKubernetesEventsWakeTheLoop() {
    var step = new Reconciler.Step(status(Phase.Deploying, 0), new Action.Wait("steady"), Duration.ofSeconds(1));
    assertThat(requeue.after(application, step.status(), step)).isEmpty();
  }

  @Test
  void aRunningSessionClusterIsNotPolled() {
    var step = new Reconciler.Step(status(Phase.Running, 1), new Action.Wait("steady"), Duration.ofSeconds(5));
    assertThat(requeue.after(session, step.status(), step)).isEmpty();
  }

  @Test
  void anUnsettledJobIsPolledWithBackoffWhileNothingChanges() {
    var step = new Reconciler.Step(status(Phase.Deploying, 1), new Action.Wait("steady"), Duration.ofSeconds(1));
    FlinkClusterStatus same = step.status();
    assertThat(requeue.after(application, status(Phase.Pending, 0), step)).contains(Duration.ofSeconds(1));
    assertThat(requeue.after(application, same, step)).contains(Duration.ofSeconds(2));
    assertThat(requeue.after(application, same, step)).contains(Duration.ofSeconds(4));
    for (int i = 0; i < 10; i++) {
      requeue.after(application, same, step);
    }
    assertThat(requeue.after(application, same, step)).contains(Requeue.MAX_BACKOFF);
  }

  @Test
  void aRunningJobIsCheckedEveryMinute() {
    var step = new Reconciler.Step(status(Phase.Running, 1), new Action.Wait("steady"), Duration.ofSeconds(5));
    assertThat(requeue.after(application, step.status(), step)).contains(Requeue.RUNNING_JOB);
  }

  /** The autoscaler samples Flink's metrics every metrics interval; a minute apart it would see almost nothing. */
  @Test
  void aRunningJobWithAnAutoscalerIsCheckedEveryMetricsInterval() {
    String yaml = Seeds.read(Seeds.seed("flink-application.yaml")) + "  autoscaler: {maxReplicas: 4, metricsInterval: 15s}\n";
    FlinkCluster autoscaled = withUid(Seeds.parse(yaml, "autoscaled"));
    var step = new Reconciler.Step(status(Phase.Running, 1), new Action.Wait("steady"), Duration.ofSeconds(5));
    assertThat(requeue.after(autoscaled, step.status(), step)).contains(Duration.ofSeconds(15));
  }

  /** Flink finishes an in-place rescale on its own; a minute's wait would leave status.rescale stale that long. */
  @Test
  void aRunningJobBeingRescaledIsPolledLikeAnUnsettledOne() {
    RescaleStatus rescaling = new RescaleStatus(1, 2, 2, 4, "in-place", "2 TaskManagers x 2 slots = 4",
        "2026-01-01T00:00:00Z", null, null);
    var step = new Reconciler.Step(status(Phase.Running, 1).withRescale(rescaling),
        new Action.Wait("rescaling to parallelism 4 (in-place)"), Duration.ofSeconds(1));
    assertThat(requeue.after(application, status(Phase.Running, 1), step)).contains(Duration.ofSeconds(1));
    assertThat(requeue.after(application, step.status(), step)).contains(Duration.ofSeconds(2));

    var done = new Reconciler.Step(step.status().withRescale(rescaling.completed("2026-01-01T00:00:09Z", "done")),
        new Action.Wait("steady"), Duration.ofSeconds(5));
    assertThat(requeue.after(application, done.status(), done)).contains(Requeue.RUNNING_JOB);
  }

  private static FlinkClusterStatus status(Phase phase, int readyJobManagers) {
    return FlinkClusterStatus.initial().withPhase(phase)
        .withReplicas(ComponentStatus.of(1, 1, readyJobManagers), ComponentStatus.Scalable.of(1, 1, 0, "s"));
  }

  private static FlinkCluster withUid(FlinkCluster fc) {
    fc.getMetadata().setUid("uid-" + fc.getMetadata().getName());
    return fc;
  }
}
