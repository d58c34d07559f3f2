package dev.flinkctl.operator;

import dev.flinkctl.api.AutoscalerStatus;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.operator.DecisionEvents.Note;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Events for capacity changes, read off the status diff: an autoscaler decision, a rescale that
 * starts, falls back to a savepoint, or completes. The status is the record; these tell a person
 * watching {@code kubectl get events} what happened and why.
 */
final class ScalingEvents {
  private ScalingEvents() {}

  static List<Note> of(FlinkClusterStatus before, FlinkClusterStatus after) {
    List<Note> notes = new ArrayList<>();
    AutoscalerStatus decided = after.autoscaler();
    if (decided != null && !decided.equals(before == null ? null : before.autoscaler())) {
      notes.add(new Note(DecisionEvents.NORMAL, "Autoscaling", decided.reason()));
    }
    RescaleStatus was = before == null ? null : before.rescale();
    RescaleStatus now = after.rescale();
    if (now == null) {
      return notes;
    }
    boolean same = was != null && Objects.equals(was.startedAt(), now.startedAt());
    if (!same && now.inProgress()) {
      notes.add(new Note(DecisionEvents.NORMAL, "RescaleStarted", started(now)));
    } else if (same && was.inProgress() && !Objects.equals(was.method(), now.method())) {
      notes.add(new Note(DecisionEvents.WARNING, "RescaleFallback", "rescaling by " + now.method() + " instead of "
          + was.method() + (now.message() == null ? "" : ": " + now.message())));
    }
    if ((!same || was.inProgress()) && !now.inProgress()) {
      notes.add(new Note(DecisionEvents.NORMAL, "Rescaled", completed(now)));
    }
    return notes;
  }

  private static String started(RescaleStatus r) {
    return "rescaling " + r.method() + " from " + r.fromReplicas() + " to " + r.toReplicas()
        + " TaskManagers, job parallelism " + r.fromParallelism() + " → " + r.toParallelism()
        + (r.reason() == null ? "" : " (" + r.reason() + ")");
  }

  private static String completed(RescaleStatus r) {
    String took = "";
    if (r.startedAt() != null && r.completedAt() != null) {
      Duration d = Duration.between(Instant.parse(r.startedAt()), Instant.parse(r.completedAt()));
      took = " after " + d.toMillis() / 1000.0 + " s";
    }
    return "job runs at parallelism " + r.toParallelism() + " on " + r.toReplicas() + " TaskManagers, rescaled "
        + r.method() + took + (r.message() == null ? "" : "; " + r.message());
  }
}
