package dev.flinkctl.control.autoscale;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The autoscaler's arithmetic, as pure functions of the policy and a metric history: no clock and
 * no I/O, so that a decision can be replayed from the samples it saw and explains itself in its
 * reason. The caller samples ({@link MetricsSampler}), keeps the history ({@link MetricHistory})
 * and carries a changed replica count out through the same path as kubectl scale.
 */
public final class Autoscaler {
  /** Metrics older than this many sampling intervals describe a job that may have moved on. */
  static final int STALE_INTERVALS = 3;

  private Autoscaler() {}

  /**
   * The TaskManagers one sample asks for. Busy time gives ceil(parallelism × busy / target); with
   * a lagThreshold, Kafka lag gives ceil(lag / lagThreshold) capped at the partitions; back
   * pressure that busy time does not explain adds one TaskManager. The largest wins, is capped at
   * max parallelism, and becomes ceil(parallelism / slots) TaskManagers within [min, max].
   *
   * @param maxParallelism the job's max parallelism; 0 or less when unknown
   */
  public static Recommendation recommend(AutoscalerPolicy p, MetricSample s, int slotsPerTaskManager,
      int maxParallelism) {
    if (slotsPerTaskManager < 1) {
      throw new IllegalArgumentException("slotsPerTaskManager must be at least 1, got " + slotsPerTaskManager);
    }
    if (s.parallelism() < 1) {
      return Recommendation.unknown("the job has no vertices to measure");
    }
    boolean lagKnown = p.lagThreshold() != null && s.pendingRecords() != null;
    if (!s.hasBusyTime() && !lagKnown) {
      return Recommendation.unknown("no busy-time metrics from the job yet"
          + (p.lagThreshold() == null ? "" : ", and no pendingRecords from its sources"));
    }
    Signal busy = s.hasBusyTime() ? Signal.busy(p, s) : null;
    Signal best = busy;
    if (lagKnown) {
      best = larger(best, Signal.lag(p, s));
    }
    boolean busyScalesUp = busy != null && busy.parallelism() > s.parallelism();
    if (s.hasBackpressure() && s.backpressureRatio() > p.backpressureThreshold() && !busyScalesUp) {
      best = larger(best, Signal.backpressure(p, s, slotsPerTaskManager));
    }
    int parallelism = best.parallelism();
    StringBuilder reason = new StringBuilder(best.reason());
    if (maxParallelism > 0 && parallelism > maxParallelism) {
      parallelism = maxParallelism;
      reason.append(", capped at max parallelism ").append(maxParallelism);
    }
    int replicas = Signal.ceilDiv(parallelism, slotsPerTaskManager);
    reason.append(" → parallelism ").append(parallelism).append(" → ").append(Texts.taskManagers(replicas));
    if (replicas > p.maxReplicas()) {
      replicas = p.maxReplicas();
      reason.append(", held to maxReplicas ").append(replicas);
    } else if (replicas < p.minReplicas()) {
      replicas = p.minReplicas();
      reason.append(", raised to minReplicas ").append(replicas);
    }
    return new Recommendation(true, replicas, parallelism, reason.toString());
  }

  /**
   * Whether to change the TaskManager count now. Nothing is decided while a checkpoint, savepoint
   * or rescale is in flight, nor within the cooldown after the last rescale or job restart, whose
   * samples are ignored. As HPA's stabilization: scale up only when every recommendation over the whole
   * scale-up window is above the current count, and then to the least of them; scale down only
   * when every one over the scale-down window is below, and then to the most of them.
   *
   * @param history samples in any order; those after {@code now} are ignored
   * @param lastRescaleEnd when the last rescale ended; null when there was none
   * @param busy a checkpoint, savepoint or rescale is in flight
   */
  public static ScalingDecision decide(AutoscalerPolicy p, List<MetricSample> history, int currentReplicas,
      int slotsPerTaskManager, int maxParallelism, Instant lastRescaleEnd, boolean busy, Instant now) {
    Instant settled = later(lastRescaleEnd, lastStart(history, now));
    Instant quietUntil = settled == null ? Instant.MIN : settled.plus(p.cooldown());
    List<MetricSample> samples = history.stream()
        .filter(s -> !s.time().isBefore(quietUntil) && !s.time().isAfter(now))
        .sorted(Comparator.comparing(MetricSample::time))
        .toList();
    MetricSample latest = samples.isEmpty() ? null : samples.get(samples.size() - 1);
    if (busy) {
      return ScalingDecision.hold(now, currentReplicas,
          "holding: a checkpoint, savepoint or rescale is in flight", latest);
    }
    if (now.isBefore(quietUntil)) {
      return ScalingDecision.hold(now, currentReplicas, "holding: cooling down after the last rescale or restart, "
          + Texts.duration(Duration.between(now, quietUntil)) + " of " + Texts.duration(p.cooldown()) + " left",
          null);
    }
    if (latest == null) {
      return ScalingDecision.hold(now, currentReplicas, settled == null ? "holding: no metrics yet"
          : "holding: no metrics since the cooldown after the last rescale or restart", null);
    }
    Duration age = Duration.between(latest.time(), now);
    if (age.compareTo(p.metricsInterval().multipliedBy(STALE_INTERVALS)) > 0) {
      return ScalingDecision.hold(now, currentReplicas, "holding: the newest metrics are "
          + Texts.duration(age) + " old", latest);
    }
    List<Recommendation> recs = samples.stream()
        .map(s -> recommend(p, s, slotsPerTaskManager, maxParallelism)).toList();
    return Stabilization.judge(p, samples, recs, currentReplicas, now);
  }

  /**
   * When the job last (re)started, as the newest sample saw it. A restart (a failover, or the
   * TaskManager under a task going away) is a rescale as far as the metrics go: the first seconds
   * of a fresh task read as fully busy and it works off the backlog of the outage, so its samples
   * would ask for capacity the steady job does not need.
   */
  private static Instant lastStart(List<MetricSample> history, Instant now) {
    return history.stream().filter(s -> !s.time().isAfter(now) && s.runningSince() != null)
        .max(Comparator.comparing(MetricSample::time)).map(MetricSample::runningSince).orElse(null);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static Signal larger(Signal a, Signal b) {
    return a == null || b.parallelism() > a.parallelism() ? b : a;
  }
}
