package dev.flinkctl.control;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Operation;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.Reconciliation;
import dev.flinkctl.api.UpgradeMode;
import dev.flinkctl.control.rest.SavepointStatus;
import java.util.Objects;

/** The steps of an operation recorded in status: resumed, awaited, finished or failed. */
final class OperationSteps {
  private OperationSteps() {}

  static Decision continueOperation(DecisionInput in, Operation op) {
    if (op.triggerId() == null) {
      return continueCancel(in, op);
    }
    SavepointStatus sp = in.observation().savepoint();
    if (sp == null) {
      return resend(in, op);
    }
    if (sp.isInProgress()) {
      return Decision.waiting(in.status(), op.type().name().toLowerCase() + " savepoint in progress");
    }
    if (sp.isFailed()) {
      return failed(in, op, sp.failureCause());
    }
    return completed(in, op, sp.location());
  }

  /** Flink forgot the trigger (a JobManager restart) or never got it: send it again with the same id. */
  private static Decision resend(DecisionInput in, Operation op) {
    if (in.observation().restError() != null) {
      return Decision.waiting(in.status(), "Flink not reachable: " + in.observation().restError());
    }
    JobObservation job = in.observation().job();
    if (job == null || !job.isRunning()) {
      return failed(in, op, "the job is no longer running (" + (job == null ? "gone" : job.state()) + ")");
    }
    FlinkClusterStatus s = in.status().withReconciliation(in.status().reconciliationOrEmpty().withOperation(op.retried()));
    Action action = op.type() == Operation.Type.SAVEPOINT
        ? new Action.TriggerSavepoint(op.jobId(), in.savepointDir(), op.triggerId())
        : new Action.StopWithSavepoint(op.jobId(), in.savepointDir(), op.triggerId());
    return new Decision(s, action);
  }

  private static Decision completed(DecisionInput in, Operation op, String location) {
    JobStatus.SavepointInfo info = new JobStatus.SavepointInfo(location, in.now().toString(), op.triggerId());
    int limit = Objects.requireNonNullElse(in.cluster().job().spec().savepointHistoryLimit(), 10);
    JobStatus job = in.status().job();
    JobStatus withSavepoint = job == null ? new JobStatus(op.jobId(), null, null, info, null, null)
        : new JobStatus(job.id(), job.state(), job.parallelism(), info, job.lastCheckpoint(), job.restarts());
    FlinkClusterStatus s = in.status().withSavepoints(Decider.appendSavepoint(in.status(), info, limit))
        .withJob(withSavepoint)
        .withReconciliation(in.status().reconciliationOrEmpty().withOperation(null).withError(null));
    DecisionInput next = new DecisionInput(in.resource(), in.cluster(), s, in.observation(), in.savepointDir(),
        in.now(), in.newTriggerId());
    return switch (op.type()) {
      case SAVEPOINT -> Decision.waiting(s.withPhase(in.status().phase()), "savepoint completed: " + location);
      case SUSPEND -> new Decision(s.withPhase(Phase.Suspended), new Action.TearDown());
      case UPGRADE -> {
        long run = Objects.requireNonNullElse(s.reconciliationOrEmpty().run(), 0L) + 1;
        yield Decider.deploy(next, run, Decider.launch(next, run, location), "upgrading from " + location);
      }
    };
  }

  /** A failed savepoint leaves the job running as it was: never fall back to a stateless restart. */
  private static Decision failed(DecisionInput in, Operation op, String cause) {
    Reconciliation rec = in.status().reconciliationOrEmpty().withOperation(null)
        .withError(op.type().name().toLowerCase() + " savepoint failed (attempt "
            + Objects.requireNonNullElse(op.attempts(), 1) + "): " + cause);
    Phase phase = in.status().phase() == Phase.Upgrading ? Phase.Running : in.status().phase();
    return Decision.waiting(in.status().withPhase(phase).withReconciliation(rec), "savepoint failed");
  }

  private static Decision continueCancel(DecisionInput in, Operation op) {
    JobObservation job = in.observation().job();
    if (in.observation().restError() != null && in.observation().deployment().jobManagersReady() > 0) {
      return Decision.waiting(in.status(), "Flink not reachable: " + in.observation().restError());
    }
    if (job != null && !job.state().isGloballyTerminal()) {
      return job.isRunning() ? new Decision(in.status(), new Action.Cancel(op.jobId()))
          : Decision.waiting(in.status(), "waiting for the job to stop (" + job.state() + ")");
    }
    UpgradeMode mode = in.cluster().job().spec().upgradeMode();
    JobStatus recorded = in.status().job();
    String from = mode == UpgradeMode.LAST_STATE && recorded != null && recorded.lastCheckpoint() != null
        ? recorded.lastCheckpoint().location() : null;
    FlinkClusterStatus s = in.status().withReconciliation(in.status().reconciliationOrEmpty().withOperation(null));
    DecisionInput next = new DecisionInput(in.resource(), in.cluster(), s, in.observation(), in.savepointDir(),
        in.now(), in.newTriggerId());
    long run = Objects.requireNonNullElse(s.reconciliationOrEmpty().run(), 0L) + 1;
    return Decider.deploy(next, run, Decider.launch(next, run, from), "upgrading (" + mode + ")");
  }
}
