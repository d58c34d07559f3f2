package dev.flinkctl.benchmarks;

import dev.flinkctl.control.rest.ClusterOverview;
import dev.flinkctl.control.rest.FlinkJobState;
import dev.flinkctl.control.rest.FlinkRestException;
import dev.flinkctl.control.rest.HttpFlinkRestClient;
import dev.flinkctl.control.rest.JobDetails;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks Flink's REST API directly what the control loop only sees through its status, so the
 * report can say when each stage was reached (REST up, TaskManager registered, job running).
 */
final class FlinkProbe {
  static final String REST_UP = "REST answers";
  static final String TM_REGISTERED = "TaskManager registered";
  static final String JOB_SUBMITTED = "job submitted";
  static final String JOB_RUNNING = "job RUNNING (Flink)";
  static final String TASKS_RUNNING = "all tasks RUNNING";

  private final HttpFlinkRestClient rest;

  FlinkProbe(int restPort) {
    rest = new HttpFlinkRestClient(URI.create("http://127.0.0.1:" + restPort), Duration.ofSeconds(2));
  }

  /** Marks the cluster-level stages reached so far. */
  void cluster(Timeline timeline) {
    overview().ifPresent(o -> {
      timeline.mark(REST_UP);
      if (o.taskManagers() >= 1) {
        timeline.mark(TM_REGISTERED);
      }
    });
  }

  /** Marks the stages of job {@code jobId} reached so far. */
  void job(Timeline timeline, String jobId) {
    cluster(timeline);
    if (jobId == null || !timeline.has(REST_UP)) {
      return;
    }
    job(jobId).ifPresent(j -> {
      timeline.mark(JOB_SUBMITTED);
      if (j.state() == FlinkJobState.RUNNING) {
        timeline.mark(JOB_RUNNING);
        if (!j.vertices().isEmpty() && j.vertices().stream().allMatch(v -> "RUNNING".equals(v.status()))) {
          timeline.mark(TASKS_RUNNING);
        }
      }
    });
  }

  private Optional<ClusterOverview> overview() {
    try {
      return Optional.of(rest.overview());
    } catch (FlinkRestException e) {
      return Optional.empty(); // not up yet
    }
  }

  private Optional<JobDetails> job(String jobId) {
    try {
      return Optional.of(rest.job(jobId));
    } catch (FlinkRestException e) {
      return Optional.empty(); // not submitted yet
    }
  }
}
