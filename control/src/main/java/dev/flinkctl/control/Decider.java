package dev.flinkctl.control;

import dev.flinkctl.api.FlinkClusterSpec;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobState;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Operation;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.Reconciliation;
import dev.flinkctl.api.UpgradeMode;
import dev.flinkctl.control.rest.SavepointStatus;
import dev.flinkctl.model.Durations;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.ResolvedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides the next step of a cluster's life from the spec, the recorded status and what was
 * observed. Pure: no I/O, so every path is a unit test. An operation in flight is always
 * finished before a new one starts.
 */
public final class Decider {
  private Decider() {}

  public static Decision decide(DecisionInput in) {
    Reconciliation rec = in.status().reconciliationOrEmpty();
    if (rec.operation() != null) {
      return OperationSteps.continueOperation(in, rec.operation());
    }
    if (rec.appliedSpec() == null) {
      return firstDeploy(in);
    }
    ResolvedCluster c = in.cluster();
    FlinkClusterSpec desired = in.resource().getSpec();
    boolean suspendedNow = in.status().phase() == Phase.Suspended;
    if (c.isApplication() && c.job().spec().state() == JobState.SUSPENDED) {
      return suspendedNow ? Decision.waiting(in.status(), "suspended") : startJobOperation(in, Operation.Type.SUSPEND,
          "spec.job.state is suspended");
    }
    if (suspendedNow) {
      return resume(in);
    }
    if (Revisions.needsRedeploy(rec.appliedSpec(), desired)) {
      return upgrade(in);
    }
    Decision ensure = ensureDeployed(in);
    if (ensure != null) {
      return ensure;
    }
    Decision rescale = Rescaling.step(in);
    if (rescale != null) {
      return rescale;
    }
    if (c.isApplication()) {
      Decision savepoint = savepointIfAsked(in, rec);
      if (savepoint != null) {
        return savepoint;
      }
    }
    return Decision.waiting(in.status().withReconciliation(rec.applied(in.generation(), desired, rec.run(),
        rec.restorePath()).withNonce(rec.savepointTriggerNonce())), "steady");
  }

  private static Decision firstDeploy(DecisionInput in) {
    ResolvedCluster c = in.cluster();
    if (c.isApplication() && c.job().spec().state() == JobState.SUSPENDED) {
      return Decision.waiting(in.status().withPhase(Phase.Suspended), "created suspended");
    }
    long run = Objects.requireNonNullElse(in.status().reconciliationOrEmpty().run(), 0L);
    JobLaunch launch = c.isApplication() ? launch(in, run, c.job().spec().initialSavepointPath()) : null;
    return deploy(in, run, launch, "deploying");
  }

  private static Decision resume(DecisionInput in) {
    Reconciliation rec = in.status().reconciliationOrEmpty();
    String from = latestSavepoint(in.status());
    long run = Objects.requireNonNullElse(rec.run(), 0L) + 1;
    return deploy(in, run, launch(in, run, from), "resuming from " + from);
  }

  /** Redeploys the recorded plan when the platform runs something else (a restart, a crash mid-deploy). */
  private static Decision ensureDeployed(DecisionInput in) {
    Reconciliation rec = in.status().reconciliationOrEmpty();
    long run = Objects.requireNonNullElse(rec.run(), 0L);
    JobLaunch launch = in.cluster().isApplication() ? launch(in, run, rec.restorePath()) : null;
    String revision = Revisions.of(rec.appliedSpec(), launch);
    if (revision.equals(in.observation().deployment().revision())) {
      return null;
    }
    return deploy(in, run, launch, "redeploying recorded revision");
  }

  static Decision upgrade(DecisionInput in) {
    ResolvedCluster c = in.cluster();
    Reconciliation rec = in.status().reconciliationOrEmpty();
    long nextRun = Objects.requireNonNullElse(rec.run(), 0L) + 1;
    JobObservation job = in.observation().job();
    if (!c.isApplication() || job == null || !job.isRunning()) {
      // Nothing runs that could carry state: start the new version from what the last run recorded.
      String from = c.isApplication() ? restorePointWithoutJob(in) : null;
      return deploy(in, nextRun, c.isApplication() ? launch(in, nextRun, from) : null, "applying the new spec");
    }
    UpgradeMode mode = c.job().spec().upgradeMode();
    return switch (mode) {
      case SAVEPOINT -> startJobOperation(in, Operation.Type.UPGRADE, "the spec changed");
      case LAST_STATE -> {
        String checkpoint = job.latestCheckpointPath();
        if (checkpoint == null) {
          yield Decision.waiting(in.status().withPhase(Phase.Upgrading),
              "last-state upgrade waits for the first completed checkpoint");
        }
        yield startCancel(in, "the spec changed (last-state from " + checkpoint + ")");
      }
      case STATELESS -> startCancel(in, "the spec changed (stateless)");
    };
  }

  /** After a failure or a stateless stop, the best restore point status knows of. */
  private static String restorePointWithoutJob(DecisionInput in) {
    UpgradeMode mode = in.cluster().job().spec().upgradeMode();
    if (mode == UpgradeMode.STATELESS) {
      return null;
    }
    JobStatus job = in.status().job();
    if (mode == UpgradeMode.LAST_STATE && job != null && job.lastCheckpoint() != null
        && job.lastCheckpoint().location() != null) {
      return job.lastCheckpoint().location();
    }
    String savepoint = latestSavepoint(in.status());
    return savepoint != null ? savepoint : in.status().reconciliationOrEmpty().restorePath();
  }

  private static Decision startJobOperation(DecisionInput in, Operation.Type type, String reason) {
    JobObservation job = in.observation().job();
    if (job == null || !job.isRunning()) {
      return Decision.waiting(in.status(), "waiting for the job to run before " + type.name().toLowerCase());
    }
    if (in.savepointDir() == null) {
      return Decision.waiting(in.status().withReconciliation(in.status().reconciliationOrEmpty().withError(
          "no savepoint directory: set state.savepoints.dir in spec.flinkConfiguration")), "no savepoint directory");
    }
    Operation op = new Operation(type, in.newTriggerId().get(), job.jobId(), in.now().toString(), reason, 1);
    FlinkClusterStatus s = in.status().withPhase(type == Operation.Type.SAVEPOINT ? in.status().phase() : Phase.Upgrading)
        .withReconciliation(in.status().reconciliationOrEmpty().withOperation(op).withError(null));
    Action action = type == Operation.Type.SAVEPOINT
        ? new Action.TriggerSavepoint(job.jobId(), in.savepointDir(), op.triggerId())
        : new Action.StopWithSavepoint(job.jobId(), in.savepointDir(), op.triggerId());
    return new Decision(s, action);
  }

  private static Decision startCancel(DecisionInput in, String reason) {
    JobObservation job = in.observation().job();
    Operation op = new Operation(Operation.Type.UPGRADE, null, job.jobId(), in.now().toString(), reason, 1);
    FlinkClusterStatus s = in.status().withPhase(Phase.Upgrading)
        .withReconciliation(in.status().reconciliationOrEmpty().withOperation(op));
    if (in.cluster().job().spec().upgradeMode() == UpgradeMode.LAST_STATE) {
      s = s.withJob(withCheckpoint(s.job(), job));
    }
    return new Decision(s, new Action.Cancel(job.jobId()));
  }

  private static Decision savepointIfAsked(DecisionInput in, Reconciliation rec) {
    Long nonce = in.cluster().job().spec().savepointTriggerNonce();
    if (nonce != null && !nonce.equals(rec.savepointTriggerNonce())) {
      Decision d = startJobOperation(in, Operation.Type.SAVEPOINT, "savepointTriggerNonce changed to " + nonce);
      return new Decision(d.status().withReconciliation(d.status().reconciliationOrEmpty().withNonce(nonce)),
          d.action());
    }
    String interval = in.cluster().job().spec().savepointInterval();
    if (interval != null) {
      Duration every = Durations.parse(interval).orElseThrow();
      Instant last = lastSavepointTime(in.status());
      if (last == null || !last.plus(every).isAfter(in.now())) {
        return startJobOperation(in, Operation.Type.SAVEPOINT, "periodic savepoint (every " + interval + ")");
      }
    }
    return null;
  }

  static Decision deploy(DecisionInput in, long run, JobLaunch launch, String why) {
    FlinkClusterSpec spec = in.resource().getSpec();
    Plan plan = new Plan(in.resource(), in.cluster(), launch, Revisions.of(spec, launch));
    Reconciliation rec = in.status().reconciliationOrEmpty()
        .applied(in.generation(), spec, run, launch == null ? null : launch.restorePath());
    JobStatus job = in.status().job();
    if (launch != null) {
      job = new JobStatus(launch.jobId(), "DEPLOYING", null, job == null ? null : job.lastSavepoint(),
          job == null ? null : job.lastCheckpoint(), null);
    }
    FlinkClusterStatus s = in.status().withPhase(Phase.Deploying).withJob(job).withReconciliation(rec);
    return new Decision(s, new Action.Deploy(plan));
  }

  static JobLaunch launch(DecisionInput in, long run, String restorePath) {
    ResolvedCluster c = in.cluster();
    boolean allow = Boolean.TRUE.equals(c.job().spec().allowNonRestoredState());
    return new JobLaunch(JobLaunch.jobId(c.namespace(), c.name(), run), restorePath, allow);
  }

  static String latestSavepoint(FlinkClusterStatus status) {
    List<JobStatus.SavepointInfo> history = status.savepoints();
    return history == null || history.isEmpty() ? null : history.get(history.size() - 1).location();
  }

  private static Instant lastSavepointTime(FlinkClusterStatus status) {
    List<JobStatus.SavepointInfo> history = status.savepoints();
    if (history == null || history.isEmpty() || history.get(history.size() - 1).time() == null) {
      return null;
    }
    return Instant.parse(history.get(history.size() - 1).time());
  }

  static JobStatus withCheckpoint(JobStatus job, JobObservation observed) {
    JobStatus.CheckpointInfo cp = observed.latestCheckpointId() == null ? null
        : new JobStatus.CheckpointInfo(observed.latestCheckpointId(), observed.latestCheckpointPath(),
            observed.latestCheckpointTime());
    if (job == null) {
      return new JobStatus(observed.jobId(), observed.state().name(), observed.parallelism(), null, cp, null);
    }
    return new JobStatus(observed.jobId(), observed.state().name(), observed.parallelism(), job.lastSavepoint(),
        cp == null ? job.lastCheckpoint() : cp, job.restarts());
  }

  static List<JobStatus.SavepointInfo> appendSavepoint(FlinkClusterStatus status, JobStatus.SavepointInfo sp,
      int limit) {
    List<JobStatus.SavepointInfo> history = new ArrayList<>(status.savepoints() == null ? List.of() : status.savepoints());
    history.add(sp);
    while (history.size() > limit) {
      history.remove(0);
    }
    return history;
  }

  static boolean succeeded(SavepointStatus s) {
    return s != null && s.isSuccessful();
  }
}
