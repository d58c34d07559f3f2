package dev.flinkctl.operator;

import dev.flinkctl.api.Conditions;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.Action;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.control.rest.ParallelismBounds;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The Kubernetes Events a reconcile step deserves: one per action, and one per change worth a person's attention. */
final class DecisionEvents {
  static final String NORMAL = "Normal";
  static final String WARNING = "Warning";

  record Note(String type, String reason, String message) {}

  private DecisionEvents() {}

  static List<Note> of(FlinkClusterStatus before, Reconciler.Step step) {
    List<Note> notes = new ArrayList<>();
    action(step.action()).ifPresent(notes::add);
    FlinkClusterStatus after = step.status();
    Phase was = before == null ? null : before.phase();
    if (after.phase() != was) {
      switch (after.phase()) {
        case Running -> notes.add(new Note(NORMAL, "Running", condition(after, Conditions.READY)));
        case Failed -> notes.add(new Note(WARNING, "Failed", condition(after, Conditions.READY)));
        case Invalid -> notes.add(new Note(WARNING, "InvalidSpec", condition(after, Conditions.CONFIG_VALID)));
        case Suspended -> notes.add(new Note(NORMAL, "Suspended", "the job is stopped; spec.job.state is suspended"));
        default -> { }
      }
    }
    String savepoint = lastSavepoint(after);
    if (savepoint != null && !savepoint.equals(lastSavepoint(before))) {
      notes.add(new Note(NORMAL, "SavepointCompleted", "savepoint completed: " + savepoint));
    }
    String error = after.reconciliationOrEmpty().lastError();
    String previous = before == null ? null : before.reconciliationOrEmpty().lastError();
    if (error != null && !error.equals(previous)) {
      notes.add(new Note(WARNING, "ReconcileFailed", error));
    }
    notes.addAll(ScalingEvents.of(before, after));
    return notes;
  }

  private static java.util.Optional<Note> action(Action action) {
    Note note = null;
    if (action instanceof Action.Deploy d) {
      var launch = d.plan().launch();
      note = new Note(NORMAL, "Deploying", "applying revision " + d.plan().revision()
          + (launch == null ? "" : ", job " + launch.jobId()
          + (launch.restorePath() == null ? "" : " from " + launch.restorePath())));
    } else if (action instanceof Action.Scale s) {
      note = new Note(NORMAL, "Scaling", "scaling TaskManagers to " + s.taskManagers());
    } else if (action instanceof Action.SetParallelism p) {
      int most = p.vertices().values().stream().mapToInt(ParallelismBounds::upperBound).max().orElse(0);
      note = new Note(NORMAL, "SettingParallelism", "asking job " + p.jobId() + " to run its "
          + p.vertices().size() + " vertices at parallelism up to " + most + " (resource requirements, in place)");
    } else if (action instanceof Action.TriggerSavepoint t) {
      note = new Note(NORMAL, "SavepointTriggered", "savepoint of job " + t.jobId() + " to " + t.directory()
          + " (trigger " + t.triggerId() + ")");
    } else if (action instanceof Action.StopWithSavepoint s) {
      note = new Note(NORMAL, "Upgrading", "stopping job " + s.jobId() + " with a savepoint to " + s.directory()
          + " (trigger " + s.triggerId() + ")");
    } else if (action instanceof Action.Cancel c) {
      note = new Note(NORMAL, "Upgrading", "cancelling job " + c.jobId());
    } else if (action instanceof Action.TearDown) {
      note = new Note(NORMAL, "Stopping", "stopping JobManagers and TaskManagers");
    }
    return java.util.Optional.ofNullable(note);
  }

  private static String condition(FlinkClusterStatus s, String type) {
    return s.conditions() == null ? type : s.conditions().stream().filter(c -> type.equals(c.getType()))
        .map(Condition::getMessage).filter(Objects::nonNull).findFirst().orElse(type);
  }

  private static String lastSavepoint(FlinkClusterStatus s) {
    List<JobStatus.SavepointInfo> history = s == null ? null : s.savepoints();
    return history == null || history.isEmpty() ? null : history.get(history.size() - 1).location();
  }
}
