package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.Action;
import dev.flinkctl.control.Autoscaling;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.model.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * When to look at a cluster again if nothing in Kubernetes changes. Deployment and FlinkCluster
 * events already wake the operator, so only what Kubernetes cannot report needs a timer: an
 * action in progress, and an application job, whose state only Flink's REST API knows. Polls of an
 * unsettled job back off while nothing changes; a running job is checked every minute, or every
 * metrics interval when its autoscaler needs samples.
 */
final class Requeue {
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  static final Duration RUNNING_JOB = Duration.ofMinutes(1);

  private final Clock clock;
  private final Map<String, Integer> unchangedPolls = new ConcurrentHashMap<>();

  Requeue(Clock clock) {
    this.clock = clock;
  }

  Optional<Duration> after(FlinkCluster resource, FlinkClusterStatus before, Reconciler.Step step) {
    String uid = resource.getMetadata().getUid();
    FlinkClusterStatus s = step.status();
    if (!(step.action() instanceof Action.Wait)) {
      unchangedPolls.remove(uid);
      return Optional.of(step.next());
    }
    boolean operation = s.reconciliationOrEmpty().operation() != null;
    boolean flinkUp = s.jobManager() != null && s.jobManager().readyReplicas() != null
        && s.jobManager().readyReplicas() > 0;
    if (s.phase() == Phase.Invalid || !flinkUp || !resource.isApplication() && !operation) {
      unchangedPolls.remove(uid);
      return Optional.empty();
    }
    // An in-place rescale ends inside Flink, where no Kubernetes event reports it: poll it as an
    // unsettled job, not at the running job's once a minute.
    boolean rescaling = s.rescale() != null && s.rescale().inProgress();
    if (s.phase() == Phase.Running && !operation && !rescaling) {
      unchangedPolls.remove(uid);
      return Optional.of(Stream.of(untilNextSavepoint(resource, s), Autoscaling.interval(resource))
          .flatMap(Optional::stream).filter(d -> d.compareTo(RUNNING_JOB) < 0).min(Duration::compareTo)
          .orElse(RUNNING_JOB));
    }
    int unchanged = Objects.equals(before, s) ? unchangedPolls.merge(uid, 1, Integer::sum) : 0;
    unchangedPolls.put(uid, unchanged);
    Duration backoff = step.next().multipliedBy(1L << Math.min(unchanged, 10));
    return Optional.of(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
  }

  void forget(FlinkCluster resource) {
    unchangedPolls.remove(resource.getMetadata().getUid());
  }

  /** Periodic savepoints are due by the clock, not by any event. */
  private Optional<Duration> untilNextSavepoint(FlinkCluster resource, FlinkClusterStatus s) {
    String interval = resource.getSpec().job().savepointInterval();
    if (interval == null) {
      return Optional.empty();
    }
    Optional<Duration> every = Durations.parse(interval);
    List<JobStatus.SavepointInfo> history = s.savepoints();
    if (every.isEmpty() || history == null || history.isEmpty() || history.get(history.size() - 1).time() == null) {
      return every;
    }
    Instant due = Instant.parse(history.get(history.size() - 1).time()).plus(every.get());
    Duration left = Duration.between(clock.instant(), due);
    return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
  }
}
