package dev.flinkctl.cli;

import dev.flinkctl.api.AutoscalerStatus;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.RescaleStatus;
import java.util.ArrayList;
import java.util.List;

/** Status as text: a table for many clusters, a line for progress. */
final class StatusTable {
  static final String HEADER = "%-20s %-10s %-6s %-5s %-5s %-12s %-4s %-22s %s";

  private StatusTable() {}

  static String summary(String name, FlinkClusterStatus s) {
    StringBuilder sb = new StringBuilder(name).append(": ").append(s.phase());
    if (s.jobManager() != null) {
      sb.append("  JM ").append(s.jobManager().ready()).append("  TM ").append(s.taskManager().ready());
    }
    if (s.job() != null && s.job().state() != null) {
      sb.append("  job ").append(s.job().state());
    }
    if (s.rescale() != null && s.rescale().inProgress()) {
      sb.append("  rescaling ").append(s.rescale().fromParallelism()).append(" -> ")
          .append(s.rescale().toParallelism()).append(" (").append(s.rescale().method()).append(')');
    }
    String error = s.reconciliationOrEmpty().lastError();
    if (error != null) {
      sb.append("  (").append(error).append(')');
    }
    return sb.toString();
  }

  /** The latest rescale and autoscaler decision, with their reasons, for {@code status NAME}. */
  static List<String> scaling(FlinkClusterStatus s) {
    List<String> lines = new ArrayList<>();
    RescaleStatus r = s.rescale();
    if (r != null) {
      lines.add("rescale: " + r.fromReplicas() + " -> " + r.toReplicas() + " TaskManagers, parallelism "
          + r.fromParallelism() + " -> " + r.toParallelism() + ", " + r.method() + ", "
          + (r.inProgress() ? "in progress since " + time(r.startedAt()) : "done " + time(r.completedAt()))
          + (r.reason() == null ? "" : " (" + r.reason() + ")"));
      if (r.message() != null) {
        lines.add("  " + r.message());
      }
    }
    AutoscalerStatus a = s.autoscaler();
    if (a != null) {
      lines.add("autoscaler, " + time(a.time()) + ": " + a.reason());
    }
    return lines;
  }

  static List<String> table(List<String> names, List<FlinkClusterStatus> statuses) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(HEADER, "NAME", "PHASE", "FLINK", "JM", "TM", "JOB", "PAR", "LAST CHECKPOINT", "URL"));
    for (int i = 0; i < names.size(); i++) {
      FlinkClusterStatus s = statuses.get(i);
      JobStatus job = s.job();
      lines.add(String.format(HEADER, names.get(i), s.phase(), orDash(s.flinkVersion()),
          s.jobManager() == null ? "-" : s.jobManager().ready(), s.taskManager() == null ? "-" : s.taskManager().ready(),
          job == null ? sessionJobs(s) : orDash(job.state()),
          job == null || job.parallelism() == null ? "-" : job.parallelism().toString(),
          job == null || job.lastCheckpoint() == null ? "-" : "#" + job.lastCheckpoint().id() + " " + time(job.lastCheckpoint().time()),
          orDash(s.restUrl())));
    }
    return lines;
  }

  private static String sessionJobs(FlinkClusterStatus s) {
    return s.sessionJobs() == null || s.sessionJobs().isEmpty() ? "-" : s.sessionJobs().size() + " job(s)";
  }

  private static String time(String iso) {
    return iso == null ? "" : iso.length() >= 19 ? iso.substring(11, 19) : iso;
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
