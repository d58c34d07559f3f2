package dev.flinkctl.control;

import static dev.flinkctl.control.DeciderTest.NOW;
import static dev.flinkctl.control.DeciderTest.jobId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.Reconciliation;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.control.rest.FlinkJobState;
import dev.flinkctl.control.rest.JobDetails;
import dev.flinkctl.control.rest.ParallelismBounds;
import dev.flinkctl.control.rest.ResourceRequirements;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Capacity changes carried to the job: the order of steps, completion, fallback. */
class RescalingTest {
  static final String SOURCE = "src";
  static final String COUNT = "count";

  static FlinkCluster app(int replicas, String extraJob) {
    FlinkCluster c = Seeds.minimal("flink:1.20", """
        taskManager: {replicas: %d, resources: {cpu: 2}}
        flinkConfiguration: {state.savepoints.dir: "file:///sp"}
        job: {jarURI: "file:///job.jar", entryClass: Main%s}
        """.formatted(replicas, extraJob));
    c.getMetadata().setGeneration(1L);
    return c;
  }

  static Decision decide(FlinkCluster c, FlinkClusterStatus status, Observation obs, Instant now) {
    return Decider.decide(new DecisionInput(c, ClusterResolver.resolve(c).orThrow(), status, obs, "file:///sp", now,
        () -> "trigger-1"));
  }

  static FlinkClusterStatus running(FlinkCluster appliedFrom) {
    return FlinkClusterStatus.initial().withPhase(Phase.Running)
        .withJob(new JobStatus(jobId(0), "RUNNING", 2, null, null, null))
        .withReconciliation(Reconciliation.empty().applied(1L, appliedFrom.getSpec(), 0L, null));
  }

  /** A source pinned at 1 in the job's code, and a counting vertex at the job's parallelism. */
  static Observation job(FlinkCluster deployedFrom, int tmsReady, int parallelism, Integer requested) {
    JobLaunch launch = new JobLaunch(jobId(0), null, false);
    Deployment d = new Deployment(Revisions.of(deployedFrom.getSpec(), launch), 1, 1, tmsReady, tmsReady, null);
    List<JobDetails.Vertex> vertices = List.of(new JobDetails.Vertex(SOURCE, "Source", 1, 128, "RUNNING"),
        new JobDetails.Vertex(COUNT, "Count", parallelism, 128, "RUNNING"));
    JobObservation job = new JobObservation(jobId(0), FlinkJobState.RUNNING, parallelism, 7L, "file:///cp/chk-7",
        NOW.toString(), null, vertices);
    ResourceRequirements req = requested == null ? null : new ResourceRequirements(Map.of(
        SOURCE, new ParallelismBounds(1, 1), COUNT, new ParallelismBounds(1, requested)));
    return new Observation(d, job, null, null, req, null);
  }

  @Test
  void scalingUpAddsTaskManagersFirstThenRaisesTheParallelismInPlace() {
    FlinkCluster one = app(1, "");
    FlinkCluster three = app(3, "");
    Decision begin = decide(three, running(one), job(one, 1, 2, 2), NOW);
    assertThat(begin.action()).isEqualTo(new Action.Scale(3));
    RescaleStatus rs = begin.status().rescale();
    assertThat(rs.method()).isEqualTo("in-place");
    assertThat(rs.fromParallelism()).isEqualTo(2);
    assertThat(rs.toParallelism()).isEqualTo(6);
    assertThat(rs.reason()).contains("3 TaskManagers x 2 slots = 6");
    assertThat(rs.inProgress()).isTrue();

    Decision ask = decide(three, begin.status(), job(one, 3, 2, 2), NOW.plusSeconds(5));
    assertThat(ask.action()).isEqualTo(new Action.SetParallelism(jobId(0),
        Map.of(SOURCE, new ParallelismBounds(1, 1), COUNT, new ParallelismBounds(1, 6))));

    Decision waiting = decide(three, ask.status(), job(one, 3, 2, 6), NOW.plusSeconds(6));
    assertThat(waiting.action()).isInstanceOf(Action.Wait.class);
    assertThat(waiting.status().rescale().inProgress()).isTrue();

    Decision done = decide(three, waiting.status(), job(one, 3, 6, 6), NOW.plusSeconds(9));
    assertThat(done.status().rescale().inProgress()).isFalse();
    assertThat(done.status().rescale().message()).contains("parallelism 6 after 9 s (in-place)");

    Decision steady = decide(three, done.status(), job(one, 3, 6, 6), NOW.plusSeconds(20));
    assertThat(steady.action()).isEqualTo(new Action.Wait("steady"));
  }

  @Test
  void scalingDownLowersTheParallelismBeforeRemovingTaskManagers() {
    FlinkCluster three = app(3, "");
    FlinkCluster one = app(1, "");
    Decision begin = decide(one, running(three), job(three, 3, 6, 6), NOW);
    assertThat(begin.action()).isEqualTo(new Action.SetParallelism(jobId(0),
        Map.of(SOURCE, new ParallelismBounds(1, 1), COUNT, new ParallelismBounds(1, 2))));
    assertThat(Rescaling.replicasOf(begin.status().reconciliation().appliedSpec())).isEqualTo(3);

    Decision stillSix = decide(one, begin.status(), job(three, 3, 6, 2), NOW.plusSeconds(2));
    assertThat(stillSix.action()).isInstanceOf(Action.Wait.class);

    Decision release = decide(one, stillSix.status(), job(three, 3, 2, 2), NOW.plusSeconds(5));
    assertThat(release.action()).isEqualTo(new Action.Scale(1));

    Decision done = decide(one, release.status(), job(three, 1, 2, 2), NOW.plusSeconds(6));
    assertThat(done.status().rescale().inProgress()).isFalse();
  }

  @Test
  void flinkRefusingTheRequirementsFallsBackToSavepointAndRedeploy() {
    FlinkCluster one = app(1, "");
    FlinkCluster three = app(3, "");
    Decision begin = decide(three, running(one), job(one, 1, 2, 2), NOW);
    Observation refused = job(one, 3, 2, null);
    refused = new Observation(refused.deployment(), refused.job(), null, null, null, "not supported");
    Decision fallback = decide(three, begin.status(), refused, NOW.plusSeconds(3));
    assertThat(fallback.action()).isEqualTo(new Action.StopWithSavepoint(jobId(0), "file:///sp", "trigger-1"));
    assertThat(fallback.status().rescale().method()).isEqualTo("savepoint");
    assertThat(fallback.status().rescale().message()).contains("not supported").contains("falling back");
  }

  @Test
  void aRescaleFlinkDoesNotFinishInTimeFallsBackOnceTaskManagersAreReady() {
    FlinkCluster one = app(1, "");
    FlinkCluster three = app(3, "");
    Decision begin = decide(three, running(one), job(one, 1, 2, 2), NOW);
    Instant late = NOW.plus(Rescaling.IN_PLACE_TIMEOUT).plusSeconds(1);
    Decision tmsMissing = decide(three, begin.status(), job(one, 2, 2, 6), late);
    assertThat(tmsMissing.action()).isInstanceOf(Action.Wait.class);
    Decision fallback = decide(three, begin.status(), job(one, 3, 2, 6), late);
    assertThat(fallback.action()).isInstanceOf(Action.StopWithSavepoint.class);
  }

  @Test
  void savepointModeStopsWithASavepointAndRedeploysAtTheNewParallelism() {
    FlinkCluster one = app(1, ", rescaleMode: savepoint");
    FlinkCluster three = app(3, ", rescaleMode: savepoint");
    Decision begin = decide(three, running(one), job(one, 1, 2, null), NOW);
    assertThat(begin.action()).isInstanceOf(Action.StopWithSavepoint.class);
    assertThat(begin.status().rescale().method()).isEqualTo("savepoint");
    assertThat(begin.status().rescale().toParallelism()).isEqualTo(6);
  }

  @Test
  void aPinnedParallelismCapsTheTargetAndSaysSo() {
    FlinkCluster one = app(1, ", parallelism: 4");
    FlinkCluster three = app(3, ", parallelism: 4");
    Decision begin = decide(three, running(one), job(one, 1, 2, 2), NOW);
    assertThat(begin.status().rescale().toParallelism()).isEqualTo(4);
    assertThat(begin.status().rescale().reason()).contains("capped at the pinned parallelism 4");
  }

  @Test
  void aJobManagerThatForgotTheRequirementsIsAskedAgain() {
    FlinkCluster three = app(3, "");
    RescaleStatus done = new RescaleStatus(1, 3, 2, 6, "in-place", "r", NOW.toString(), NOW.toString(), "ok");
    FlinkClusterStatus s = running(three).withRescale(done);
    Decision d = decide(three, s, job(three, 3, 2, 2), NOW.plus(Duration.ofMinutes(10)));
    assertThat(d.action()).isEqualTo(new Action.SetParallelism(jobId(0),
        Map.of(SOURCE, new ParallelismBounds(1, 1), COUNT, new ParallelismBounds(1, 6))));
  }

  @Test
  void aSessionClusterOnlyScalesTaskManagers() {
    FlinkCluster one = Seeds.minimal("flink:1.20", "taskManager: {replicas: 1}");
    one.getMetadata().setGeneration(1L);
    FlinkCluster two = Seeds.minimal("flink:1.20", "taskManager: {replicas: 2}");
    two.getMetadata().setGeneration(1L);
    FlinkClusterStatus s = FlinkClusterStatus.initial().withPhase(Phase.Running)
        .withReconciliation(Reconciliation.empty().applied(1L, one.getSpec(), 0L, null));
    Deployment d = new Deployment(Revisions.of(one.getSpec(), null), 1, 1, 1, 1, null);
    Decision scale = decide(two, s, new Observation(d, null, null, null), NOW);
    assertThat(scale.action()).isEqualTo(new Action.Scale(2));
    assertThat(scale.status().rescale()).isNull();
  }
}
