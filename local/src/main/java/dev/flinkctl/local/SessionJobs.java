package dev.flinkctl.local;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.SessionJob;
import dev.flinkctl.control.PlatformException;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.JarRunRequest;
import dev.flinkctl.control.rest.JobOverview;
import dev.flinkctl.control.rest.SavepointStatus;
import dev.flinkctl.model.ResolvedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Jobs submitted to a session cluster: recorded in status before they are run, their state kept
 * current, stopped with savepoints by {@code down --savepoint} and resubmitted from them by the
 * next {@code up}.
 */
public final class SessionJobs {
  static final String STOPPED = "STOPPED";
  static final Duration SAVEPOINT_TIMEOUT = Duration.ofMinutes(5);

  private final LocalStore store;
  private final LocalPlatform platform;

  public SessionJobs(LocalStore store, LocalPlatform platform) {
    this.store = store;
    this.platform = platform;
  }

  /** Submits a jar; the job id is chosen here and written down first, so a retry cannot make a second job. */
  public SessionJob submit(ResolvedCluster c, Path jar, String entryClass, Integer parallelism, List<String> args,
      String savepoint) {
    FlinkRestClient rest = rest(c);
    String jobId = FlinkRestClient.newTriggerId();
    SessionJob job = new SessionJob(jobId, null, jar.toAbsolutePath().toString(), entryClass, args, parallelism,
        "SUBMITTING", savepoint);
    update(c.name(), jobs -> {
      jobs.add(job);
      return jobs;
    });
    String jarId = rest.uploadJar(jar);
    try {
      rest.runJar(jarId, new JarRunRequest(entryClass, args, parallelism, jobId, savepoint, null));
    } finally {
      rest.deleteJar(jarId);
    }
    SessionJob running = job.withState("RUNNING");
    replace(c.name(), running);
    return running;
  }

  /** Refreshes states and resubmits jobs that were stopped with a savepoint. */
  void reconcile(ResolvedCluster c) {
    List<SessionJob> recorded = jobs(c.name());
    if (recorded.isEmpty()) {
      return;
    }
    Map<String, JobOverview> flink = rest(c).jobs().stream()
        .collect(Collectors.toMap(JobOverview::jid, Function.identity(), (a, b) -> a));
    for (SessionJob job : recorded) {
      JobOverview seen = flink.get(job.id());
      if (STOPPED.equals(job.state()) && job.savepoint() != null) {
        submitAgain(c, job);
      } else if (seen != null && !seen.state().name().equals(job.state())) {
        replace(c.name(), new SessionJob(job.id(), seen.name(), job.jarURI(), job.entryClass(), job.args(),
            job.parallelism(), seen.state().name(), job.savepoint()));
      }
    }
  }

  private void submitAgain(ResolvedCluster c, SessionJob stopped) {
    update(c.name(), jobs -> {
      jobs.removeIf(j -> j.id().equals(stopped.id()));
      return jobs;
    });
    submit(c, Path.of(stopped.jarURI()), stopped.entryClass(), stopped.parallelism(), stopped.args(),
        stopped.savepoint());
  }

  /** Stops every running job with a savepoint and records where it went. */
  public List<SessionJob> stopAllWithSavepoint(ResolvedCluster c, String directory) {
    FlinkRestClient rest = rest(c);
    List<SessionJob> stopped = new ArrayList<>();
    for (SessionJob job : jobs(c.name())) {
      if (!"RUNNING".equals(job.state())) {
        continue;
      }
      String location = savepoint(rest, job.id(), directory, true);
      SessionJob done = job.stoppedWith(location);
      replace(c.name(), done);
      stopped.add(done);
    }
    return stopped;
  }

  /**
   * A job reported RUNNING may still be deploying its tasks, and Flink refuses a savepoint until
   * every task runs: wait for that first.
   */
  public static void awaitTasksRunning(FlinkRestClient rest, String jobId) {
    Instant deadline = Instant.now().plus(SAVEPOINT_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      var details = rest.job(jobId);
      if (!details.vertices().isEmpty()
          && details.vertices().stream().allMatch(v -> "RUNNING".equals(v.status()))) {
        return;
      }
      if (details.state().isGloballyTerminal()) {
        throw new PlatformException("job " + jobId + " is " + details.state() + "; no savepoint can be taken");
      }
      sleep(Duration.ofMillis(200));
    }
    throw new PlatformException("the tasks of job " + jobId + " did not start within " + SAVEPOINT_TIMEOUT);
  }

  /** Triggers a savepoint (stopping the job when asked) once all tasks run, and waits for its location. */
  public static String savepoint(FlinkRestClient rest, String jobId, String directory, boolean stop) {
    awaitTasksRunning(rest, jobId);
    String trigger = FlinkRestClient.newTriggerId();
    if (stop) {
      rest.stopWithSavepoint(jobId, directory, false, trigger);
    } else {
      rest.triggerSavepoint(jobId, directory, false, trigger);
    }
    return await(rest, jobId, trigger);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted", e);
    }
  }

  public static String await(FlinkRestClient rest, String jobId, String trigger) {
    Instant deadline = Instant.now().plus(SAVEPOINT_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      SavepointStatus s = rest.savepointStatus(jobId, trigger);
      if (s.isSuccessful()) {
        return s.location();
      }
      if (s.isFailed()) {
        throw new PlatformException("savepoint of job " + jobId + " failed: " + s.failureCause());
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlatformException("interrupted while waiting for a savepoint", e);
      }
    }
    throw new PlatformException("savepoint of job " + jobId + " did not complete within " + SAVEPOINT_TIMEOUT);
  }

  private FlinkRestClient rest(ResolvedCluster c) {
    return platform.rest(c).orElseThrow(() -> new PlatformException(c.name() + " has no JobManager answering"));
  }

  private List<SessionJob> jobs(String name) {
    return store.status(name).map(FlinkClusterStatus::sessionJobs).orElse(List.of());
  }

  private void replace(String name, SessionJob job) {
    update(name, jobs -> {
      jobs.replaceAll(j -> j.id().equals(job.id()) ? job : j);
      return jobs;
    });
  }

  private void update(String name, java.util.function.UnaryOperator<List<SessionJob>> change) {
    FlinkClusterStatus s = store.status(name).orElse(FlinkClusterStatus.initial());
    List<SessionJob> jobs = new ArrayList<>(s.sessionJobs() == null ? List.of() : s.sessionJobs());
    store.writeStatus(name, s.withSessionJobs(change.apply(jobs)));
  }
}
