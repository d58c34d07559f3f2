package dev.flinkctl.control;

import dev.flinkctl.api.FlinkClusterSpec;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Reconciliation;
import dev.flinkctl.api.RescaleMode;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.control.rest.JobDetails;
import dev.flinkctl.control.rest.ParallelismBounds;
import dev.flinkctl.control.rest.ResourceRequirements;
import dev.flinkctl.model.ResolvedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change of TaskManager capacity, carried through to the job's parallelism. In place (the
 * adaptive scheduler's resource requirements) the order matters: more TaskManagers first and then
 * the higher parallelism; the lower parallelism first and then fewer TaskManagers, so no running
 * task loses its slot. A rescale Flink does not finish in time, or refuses, falls back to a
 * savepoint and redeploy: slower, but the state goes with it.
 */
final class Rescaling {
  static final Duration IN_PLACE_TIMEOUT = Duration.ofMinutes(3);

  private Rescaling() {}

  /** The next step of a capacity change, or null when capacity and parallelism are as asked. */
  static Decision step(DecisionInput in) {
    ResolvedCluster c = in.cluster();
    int applied = replicasOf(in.status().reconciliationOrEmpty().appliedSpec());
    int desired = c.taskManager().replicas();
    if (!c.isApplication()) {
      return applied == desired ? null : scale(in, in.status(), desired);
    }
    RescaleStatus current = in.status().rescale();
    if (current != null && current.inProgress() && current.toReplicas() == desired) {
      return continueRescale(in, current);
    }
    if (applied != desired) {
      return begin(in, applied, desired);
    }
    return current == null ? null : reassert(in, current);
  }

  /**
   * A JobManager that restarts without HA forgets the requirements and runs the job at its
   * deployed parallelism again: ask again while the record still describes what is wanted.
   */
  private static Decision reassert(DecisionInput in, RescaleStatus done) {
    JobObservation job = in.observation().job();
    boolean stillWanted = done.method().equals(method(RescaleMode.IN_PLACE)) && done.toReplicas() != null
        && ParallelismTarget.of(in.cluster()).parallelism() == done.toParallelism();
    if (!stillWanted || job == null || !job.isRunning() || requested(in.observation().requirements(), job, done)) {
      return null;
    }
    return setParallelism(in, in.status(), done);
  }

  private static Decision begin(DecisionInput in, int applied, int desired) {
    ParallelismTarget target = ParallelismTarget.of(in.cluster());
    JobObservation job = in.observation().job();
    int from = job != null && job.parallelism() > 0 ? job.parallelism()
        : in.status().job() != null && in.status().job().parallelism() != null ? in.status().job().parallelism() : 0;
    RescaleMode mode = in.cluster().job().rescale();
    String method = method(mode);
    if (from == target.parallelism() || desired == 0) {
      String why = desired == 0 ? "no TaskManagers asked for: the job waits for slots" : target.reason();
      RescaleStatus done = new RescaleStatus(applied, desired, from, from, method, why, in.now().toString(),
          in.now().toString(), "parallelism unchanged: only TaskManagers change");
      return scale(in, in.status().withRescale(done), desired);
    }
    RescaleStatus started = new RescaleStatus(applied, desired, from, target.parallelism(), method, target.reason(),
        in.now().toString(), null, null);
    FlinkClusterStatus s = in.status().withRescale(started);
    return switch (mode) {
      case SAVEPOINT -> {
        Decision d = Decider.upgrade(new DecisionInput(in.resource(), in.cluster(), s, in.observation(),
            in.savepointDir(), in.now(), in.newTriggerId()));
        yield d;
      }
      case REACTIVE -> scale(in, s, desired);
      default -> desired > applied || job == null || !job.isRunning() ? scale(in, s, desired)
          : setParallelism(in, s, started);
    };
  }

  private static Decision continueRescale(DecisionInput in, RescaleStatus rs) {
    JobObservation job = in.observation().job();
    int applied = replicasOf(in.status().reconciliationOrEmpty().appliedSpec());
    boolean atTarget = job != null && job.isRunning() && scalableAt(job, rs, rs.toParallelism());
    if (rs.method().equals(method(RescaleMode.IN_PLACE))) {
      if (in.observation().requirementsError() != null) {
        return fallBack(in, rs, "Flink refused the in-place rescale: " + in.observation().requirementsError());
      }
      if (job != null && job.isRunning() && !requested(in.observation().requirements(), job, rs)) {
        return setParallelism(in, in.status(), rs);
      }
      if (atTarget && applied != rs.toReplicas()) {
        return scale(in, in.status(), rs.toReplicas());
      }
      if (!atTarget && timedOut(in, rs)) {
        return fallBack(in, rs, "Flink did not run the job at parallelism " + rs.toParallelism() + " within "
            + IN_PLACE_TIMEOUT.toMinutes() + " min");
      }
    } else if (applied != rs.toReplicas() && rs.method().equals(method(RescaleMode.REACTIVE))) {
      return scale(in, in.status(), rs.toReplicas());
    } else if (!atTarget && in.status().reconciliationOrEmpty().operation() == null && timedOut(in, rs)) {
      String error = in.status().reconciliationOrEmpty().lastError();
      RescaleStatus ended = rs.completed(in.now().toString(), "the job runs at parallelism "
          + (job == null ? "unknown" : job.parallelism()) + ", not " + rs.toParallelism()
          + (error == null ? "" : ": " + error));
      return Decision.waiting(in.status().withRescale(ended), "rescale ended short of its target");
    }
    if (atTarget) {
      long seconds = Duration.between(Instant.parse(rs.startedAt()), in.now()).toSeconds();
      RescaleStatus done = rs.completed(in.now().toString(), "running at parallelism " + rs.toParallelism()
          + " after " + seconds + " s (" + rs.method() + ")");
      return Decision.waiting(in.status().withRescale(done), "rescaled");
    }
    return Decision.waiting(in.status(), "rescaling to parallelism " + rs.toParallelism() + " (" + rs.method() + ")");
  }

  /** The slower way that keeps the state: stop with a savepoint, redeploy at the new parallelism. */
  private static Decision fallBack(DecisionInput in, RescaleStatus rs, String why) {
    FlinkClusterStatus s = in.status().withRescale(rs.withMethod(method(RescaleMode.SAVEPOINT),
        why + "; falling back to savepoint and redeploy"));
    return Decider.upgrade(new DecisionInput(in.resource(), in.cluster(), s, in.observation(), in.savepointDir(),
        in.now(), in.newTriggerId()));
  }

  private static boolean timedOut(DecisionInput in, RescaleStatus rs) {
    boolean taskManagersReady = in.observation().deployment().taskManagersReady() >= rs.toReplicas();
    return taskManagersReady && Instant.parse(rs.startedAt()).plus(IN_PLACE_TIMEOUT).isBefore(in.now());
  }

  private static Decision setParallelism(DecisionInput in, FlinkClusterStatus s, RescaleStatus rs) {
    JobObservation job = in.observation().job();
    Map<String, ParallelismBounds> bounds = new LinkedHashMap<>();
    ResourceRequirements current = in.observation().requirements();
    for (JobDetails.Vertex v : job.vertices()) {
      int now = upperBound(current, v);
      boolean scalable = now == rs.fromParallelism() || now == rs.toParallelism();
      int p = scalable ? capped(rs.toParallelism(), v) : now;
      bounds.put(v.id(), new ParallelismBounds(1, p));
    }
    return new Decision(s, new Action.SetParallelism(job.jobId(), bounds));
  }

  /** Whether Flink already holds the requirements this rescale asks for. */
  private static boolean requested(ResourceRequirements req, JobObservation job, RescaleStatus rs) {
    if (req == null) {
      return true; // nothing to compare with yet; the next observation tells
    }
    return job.vertices().stream().allMatch(v -> {
      int upper = upperBound(req, v);
      return upper != rs.fromParallelism() || rs.fromParallelism() == rs.toParallelism()
          || upper == capped(rs.toParallelism(), v);
    });
  }

  private static boolean scalableAt(JobObservation job, RescaleStatus rs, int parallelism) {
    return job.vertices().stream().filter(v -> v.parallelism() == rs.fromParallelism()
            || v.parallelism() == capped(rs.toParallelism(), v) || v.parallelism() == rs.toParallelism())
        .allMatch(v -> v.parallelism() == capped(parallelism, v))
        && job.vertices().stream().anyMatch(v -> v.parallelism() == capped(parallelism, v));
  }

  private static int upperBound(ResourceRequirements req, JobDetails.Vertex v) {
    return req == null ? v.parallelism() : req.bounds(v.id()).map(ParallelismBounds::upperBound).orElse(v.parallelism());
  }

  private static int capped(int parallelism, JobDetails.Vertex v) {
    return v.maxParallelism() > 0 ? Math.min(parallelism, v.maxParallelism()) : parallelism;
  }

  private static Decision scale(DecisionInput in, FlinkClusterStatus s, int replicas) {
    Reconciliation rec = s.reconciliationOrEmpty();
    FlinkClusterSpec appliedWithReplicas = rec.appliedSpec().withTaskManager(
        (rec.appliedSpec().taskManager() == null ? new dev.flinkctl.api.TaskManagerSpec(null, null, null, null)
            : rec.appliedSpec().taskManager()).withReplicas(replicas));
    Reconciliation updated = new Reconciliation(rec.appliedGeneration(), appliedWithReplicas, rec.run(),
        rec.restorePath(), rec.savepointTriggerNonce(), rec.operation(), rec.lastError());
    return new Decision(s.withReconciliation(updated), new Action.Scale(replicas));
  }

  static String method(RescaleMode mode) {
    return switch (mode) {
      case IN_PLACE, AUTO -> "in-place";
      case REACTIVE -> "reactive";
      case SAVEPOINT -> "savepoint";
    };
  }

  static int replicasOf(FlinkClusterSpec spec) {
    return spec == null || spec.taskManager() == null || spec.taskManager().replicas() == null ? 1
        : spec.taskManager().replicas();
  }
}
