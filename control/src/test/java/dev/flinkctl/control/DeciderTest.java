package dev.flinkctl.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobSpec;
import dev.flinkctl.api.JobState;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Operation;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.Reconciliation;
import dev.flinkctl.api.UpgradeMode;
import dev.flinkctl.control.rest.FlinkJobState;
import dev.flinkctl.control.rest.SavepointStatus;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.Seeds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeciderTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  static FlinkCluster app(String extraJob) {
    FlinkCluster c = Seeds.minimal("flink:1.20", """
        taskManager: {replicas: 1, resources: {cpu: 2}}
        flinkConfiguration: {state.savepoints.dir: "file:///sp"}
        job: {jarURI: "file:///job.jar", entryClass: Main, parallelism: 2%s}
        """.formatted(extraJob));
    c.getMetadata().setGeneration(1L);
    return c;
  }

  static Decision decide(FlinkCluster c, FlinkClusterStatus status, Observation obs) {
    return Decider.decide(new DecisionInput(c, ClusterResolver.resolve(c).orThrow(), status, obs, "file:///sp", NOW,
        () -> "trigger-1"));
  }

  static String jobId(long run) {
    return JobLaunch.jobId("ns", "demo", run);
  }

  static Deployment deployed(FlinkCluster c, long run, String restore) {
    JobLaunch launch = new JobLaunch(jobId(run), restore, false);
    return new Deployment(Revisions.of(c.getSpec(), launch), 1, 1, 1, 1, null);
  }

  static FlinkClusterStatus running(FlinkCluster appliedFrom, long run, String restore) {
    return FlinkClusterStatus.initial().withPhase(Phase.Running)
        .withJob(new JobStatus(jobId(run), "RUNNING", 2, null, null, null))
        .withReconciliation(Reconciliation.empty().applied(1L, appliedFrom.getSpec(), run, restore));
  }

  static Observation jobIs(Deployment d, long run, FlinkJobState state, SavepointStatus sp) {
    return new Observation(d, new JobObservation(jobId(run), state, 2, 7L, "file:///cp/chk-7", NOW.toString(), null), sp,
        null);
  }

  @Test
  void firstStepDeploysAndRecordsTheLaunchFirst() {
    FlinkCluster c = app(", initialSavepointPath: file:///sp/start");
    Decision d = decide(c, FlinkClusterStatus.initial(), new Observation(Deployment.none(), null, null, null));
    assertThat(d.action()).isInstanceOfSatisfying(Action.Deploy.class, deploy -> {
      assertThat(deploy.plan().launch().jobId()).isEqualTo(jobId(0));
      assertThat(deploy.plan().launch().restorePath()).isEqualTo("file:///sp/start");
    });
    assertThat(d.status().phase()).isEqualTo(Phase.Deploying);
    assertThat(d.status().reconciliationOrEmpty().appliedSpec()).isEqualTo(c.getSpec());
    assertThat(d.status().job().id()).isEqualTo(jobId(0));
  }

  @Test
  void steadyClusterDoesNothing() {
    FlinkCluster c = app("");
    Decision d = decide(c, running(c, 0, null), jobIs(deployed(c, 0, null), 0, FlinkJobState.RUNNING, null));
    assertThat(d.action()).isEqualTo(new Action.Wait("steady"));
  }

  @Test
  void aPlatformRunningSomethingElseGetsTheRecordedPlanAgain() {
    FlinkCluster c = app("");
    Decision d = decide(c, running(c, 0, null), jobIs(Deployment.none(), 0, FlinkJobState.RUNNING, null));
    assertThat(d.action()).isInstanceOfSatisfying(Action.Deploy.class,
        a -> assertThat(a.plan().launch().jobId()).isEqualTo(jobId(0)));
  }

  @Test
  void savepointUpgradeStopsWithSavepointThenStartsNextRunFromIt() {
    FlinkCluster old = app("");
    FlinkCluster changed = app(", args: [--v2]");
    FlinkClusterStatus status = running(old, 0, null);
    Deployment d0 = deployed(old, 0, null);

    Decision stop = decide(changed, status, jobIs(d0, 0, FlinkJobState.RUNNING, null));
    assertThat(stop.action()).isEqualTo(new Action.StopWithSavepoint(jobId(0), "file:///sp", "trigger-1"));
    Operation op = stop.status().reconciliationOrEmpty().operation();
    assertThat(op.type()).isEqualTo(Operation.Type.UPGRADE);
    assertThat(op.triggerId()).isEqualTo("trigger-1");
    assertThat(stop.status().phase()).isEqualTo(Phase.Upgrading);

    Decision waiting = decide(changed, stop.status(), jobIs(d0, 0, FlinkJobState.RUNNING,
        new SavepointStatus(SavepointStatus.State.IN_PROGRESS, null, null)));
    assertThat(waiting.action()).isInstanceOf(Action.Wait.class);

    Decision next = decide(changed, stop.status(), jobIs(d0, 0, FlinkJobState.FINISHED,
        new SavepointStatus(SavepointStatus.State.COMPLETED, "file:///sp/savepoint-1", null)));
    assertThat(next.action()).isInstanceOfSatisfying(Action.Deploy.class, deploy -> {
      assertThat(deploy.plan().launch().jobId()).isEqualTo(jobId(1));
      assertThat(deploy.plan().launch().restorePath()).isEqualTo("file:///sp/savepoint-1");
    });
    assertThat(next.status().reconciliationOrEmpty().operation()).isNull();
    assertThat(next.status().reconciliationOrEmpty().run()).isEqualTo(1);
    assertThat(next.status().reconciliationOrEmpty().appliedSpec()).isEqualTo(changed.getSpec());
    assertThat(next.status().savepoints()).extracting(JobStatus.SavepointInfo::location)
        .containsExactly("file:///sp/savepoint-1");
  }

  @Test
  void aFailedSavepointKeepsTheOldJobAndNeverDegradesToStateless() {
    FlinkCluster old = app("");
    FlinkCluster changed = app(", args: [--v2]");
    FlinkClusterStatus upgrading = running(old, 0, null).withPhase(Phase.Upgrading)
        .withReconciliation(running(old, 0, null).reconciliationOrEmpty().withOperation(
            new Operation(Operation.Type.UPGRADE, "trigger-1", jobId(0), NOW.toString(), "x", 1)));
    Decision d = decide(changed, upgrading, jobIs(deployed(old, 0, null), 0, FlinkJobState.RUNNING,
        new SavepointStatus(SavepointStatus.State.COMPLETED, null, "disk full")));
    assertThat(d.action()).isInstanceOf(Action.Wait.class);
    assertThat(d.status().phase()).isEqualTo(Phase.Running);
    assertThat(d.status().reconciliationOrEmpty().lastError()).contains("savepoint failed", "disk full");
    assertThat(d.status().reconciliationOrEmpty().appliedSpec()).isEqualTo(old.getSpec());
    assertThat(d.status().reconciliationOrEmpty().run()).isZero();
  }

  @Test
  void aForgottenTriggerIsResentWithTheSameId() {
    FlinkCluster old = app("");
    FlinkCluster changed = app(", args: [--v2]");
    FlinkClusterStatus upgrading = running(old, 0, null).withPhase(Phase.Upgrading)
        .withReconciliation(running(old, 0, null).reconciliationOrEmpty().withOperation(
            new Operation(Operation.Type.UPGRADE, "trigger-1", jobId(0), NOW.toString(), "x", 1)));
    Decision d = decide(changed, upgrading, jobIs(deployed(old, 0, null), 0, FlinkJobState.RUNNING, null));
    assertThat(d.action()).isEqualTo(new Action.StopWithSavepoint(jobId(0), "file:///sp", "trigger-1"));
    assertThat(d.status().reconciliationOrEmpty().operation().attempts()).isEqualTo(2);
  }

  @Test
  void statelessUpgradeCancelsThenStartsFresh() {
    FlinkCluster old = app(", upgradeMode: stateless");
    FlinkCluster changed = app(", upgradeMode: stateless, args: [--v2]");
    Deployment d0 = deployed(old, 0, null);
    Decision cancel = decide(changed, running(old, 0, null), jobIs(d0, 0, FlinkJobState.RUNNING, null));
    assertThat(cancel.action()).isEqualTo(new Action.Cancel(jobId(0)));
    Decision next = decide(changed, cancel.status(), jobIs(d0, 0, FlinkJobState.CANCELED, null));
    assertThat(next.action()).isInstanceOfSatisfying(Action.Deploy.class,
        a -> assertThat(a.plan().launch().restorePath()).isNull());
  }

  @Test
  void lastStateUpgradeRestartsFromTheLatestCheckpoint() {
    FlinkCluster old = app(", upgradeMode: last-state");
    FlinkCluster changed = app(", upgradeMode: last-state, args: [--v2]");
    Deployment d0 = deployed(old, 0, null);
    Decision cancel = decide(changed, running(old, 0, null), jobIs(d0, 0, FlinkJobState.RUNNING, null));
    assertThat(cancel.action()).isEqualTo(new Action.Cancel(jobId(0)));
    assertThat(cancel.status().job().lastCheckpoint().location()).isEqualTo("file:///cp/chk-7");
    Decision next = decide(changed, cancel.status(), jobIs(d0, 0, FlinkJobState.CANCELED, null));
    assertThat(next.action()).isInstanceOfSatisfying(Action.Deploy.class,
        a -> assertThat(a.plan().launch().restorePath()).isEqualTo("file:///cp/chk-7"));
  }

  @Test
  void scalingAPinnedJobOnlyScalesTaskManagers() {
    FlinkCluster old = app("");
    FlinkCluster bigger = app("");
    bigger.setSpec(bigger.getSpec().withTaskManager(bigger.getSpec().taskManager().withReplicas(3)));
    Decision d = decide(bigger, running(old, 0, null), jobIs(deployed(old, 0, null), 0, FlinkJobState.RUNNING, null));
    assertThat(d.action()).isEqualTo(new Action.Scale(3));
  }

  @Test
  void suspendStopsWithSavepointThenTearsDownAndResumeRestores() {
    FlinkCluster c = app("");
    FlinkCluster suspended = app("");
    suspended.setSpec(suspended.getSpec().withJob(suspended.getSpec().job().withState(JobState.SUSPENDED)));
    Deployment d0 = deployed(c, 0, null);
    Decision stop = decide(suspended, running(c, 0, null), jobIs(d0, 0, FlinkJobState.RUNNING, null));
    assertThat(stop.action()).isInstanceOf(Action.StopWithSavepoint.class);
    Decision down = decide(suspended, stop.status(), jobIs(d0, 0, FlinkJobState.FINISHED,
        new SavepointStatus(SavepointStatus.State.COMPLETED, "file:///sp/s1", null)));
    assertThat(down.action()).isInstanceOf(Action.TearDown.class);
    assertThat(down.status().phase()).isEqualTo(Phase.Suspended);

    Decision resume = decide(c, down.status(), new Observation(Deployment.none(), null, null, null));
    assertThat(resume.action()).isInstanceOfSatisfying(Action.Deploy.class, a -> {
      assertThat(a.plan().launch().restorePath()).isEqualTo("file:///sp/s1");
      assertThat(a.plan().launch().jobId()).isEqualTo(jobId(1));
    });
  }

  @Test
  void savepointNonceTriggersOneSavepoint() {
    FlinkCluster c = app(", savepointTriggerNonce: 5");
    Decision d = decide(c, running(c, 0, null), jobIs(deployed(c, 0, null), 0, FlinkJobState.RUNNING, null));
    assertThat(d.action()).isEqualTo(new Action.TriggerSavepoint(jobId(0), "file:///sp", "trigger-1"));
    assertThat(d.status().reconciliationOrEmpty().savepointTriggerNonce()).isEqualTo(5);
    Decision done = decide(c, d.status(), jobIs(deployed(c, 0, null), 0, FlinkJobState.RUNNING,
        new SavepointStatus(SavepointStatus.State.COMPLETED, "file:///sp/s2", null)));
    assertThat(done.status().savepoints()).extracting(JobStatus.SavepointInfo::location).containsExactly("file:///sp/s2");
    Decision after = decide(c, done.status(), jobIs(deployed(c, 0, null), 0, FlinkJobState.RUNNING, null));
    assertThat(after.action()).isEqualTo(new Action.Wait("steady"));
  }

  @Test
  void periodicSavepointsAndHistoryRetention() {
    FlinkCluster c = app(", savepointInterval: 1h, savepointHistoryLimit: 2");
    FlinkClusterStatus s = running(c, 0, null).withSavepoints(List.of(
        new JobStatus.SavepointInfo("file:///sp/a", NOW.minusSeconds(7300).toString(), "t0"),
        new JobStatus.SavepointInfo("file:///sp/b", NOW.minusSeconds(3700).toString(), "t1")));
    Decision d = decide(c, s, jobIs(deployed(c, 0, null), 0, FlinkJobState.RUNNING, null));
    assertThat(d.action()).isInstanceOf(Action.TriggerSavepoint.class);
    Decision done = decide(c, d.status(), jobIs(deployed(c, 0, null), 0, FlinkJobState.RUNNING,
        new SavepointStatus(SavepointStatus.State.COMPLETED, "file:///sp/c", null)));
    assertThat(done.status().savepoints()).extracting(JobStatus.SavepointInfo::location)
        .containsExactly("file:///sp/b", "file:///sp/c");
    FlinkClusterStatus recent = running(c, 0, null).withSavepoints(List.of(
        new JobStatus.SavepointInfo("file:///sp/b", NOW.minusSeconds(60).toString(), "t1")));
    assertThat(decide(c, recent, jobIs(deployed(c, 0, null), 0, FlinkJobState.RUNNING, null)).action())
        .isEqualTo(new Action.Wait("steady"));
  }

  @Test
  void revisionIgnoresReplicasAndBookkeeping() {
    FlinkCluster a = app("");
    FlinkCluster b = app(", savepointTriggerNonce: 9, savepointInterval: 1h");
    b.setSpec(b.getSpec().withTaskManager(b.getSpec().taskManager().withReplicas(4)));
    assertThat(Revisions.needsRedeploy(a.getSpec(), b.getSpec())).isFalse();
    JobSpec j = a.getSpec().job();
    FlinkCluster c = app(", upgradeMode: " + (j.upgradeMode() == UpgradeMode.STATELESS ? "savepoint" : "stateless"));
    assertThat(Revisions.needsRedeploy(a.getSpec(), c.getSpec())).isTrue();
  }
}
