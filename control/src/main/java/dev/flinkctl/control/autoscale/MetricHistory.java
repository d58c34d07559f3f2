package dev.flinkctl.control.autoscale;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * One cluster's recent samples, in memory. It keeps what a decision can look at: the longest
 * stabilization window after the cooldown, plus the newest sample before that, which stands for
 * the window's first moments. Lost on restart by design: a fresh process waits one window
 * before it acts, which is the safe side. Thread-safe.
 */
public final class MetricHistory {
  /** A bound that holds even if samples come far faster than the policy's interval. */
  static final int MAX_SAMPLES = 1000;

  private final AutoscalerPolicy policy;
  private final Deque<MetricSample> samples = new ArrayDeque<>();

  /** For a changed policy start a new history: its windows are different. */
  public MetricHistory(AutoscalerPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public AutoscalerPolicy policy() {
    return policy;
  }

  /** Adds a sample and drops what no decision can look at any more. Samples arrive in time order. */
  public synchronized void add(MetricSample sample) {
    MetricSample newest = samples.peekLast();
    if (newest != null && sample.time().isBefore(newest.time())) {
      throw new IllegalArgumentException("sample at " + sample.time() + " is older than the newest, "
          + newest.time());
    }
    samples.addLast(sample);
    Instant cutoff = sample.time().minus(policy.lookBack());
    // Drop the oldest while the next one is still at or before the cutoff: that one stays.
    while (samples.size() > 1 && !second().time().isAfter(cutoff)) {
      samples.removeFirst();
    }
    while (samples.size() > MAX_SAMPLES) {
      samples.removeFirst();
    }
  }

  /** Whether metricsInterval has passed since the newest sample (or there is none). */
  public synchronized boolean due(Instant now) {
    MetricSample newest = samples.peekLast();
    return newest == null || !now.isBefore(newest.time().plus(policy.metricsInterval()));
  }

  /** The samples, oldest first. */
  public synchronized List<MetricSample> samples() {
    return List.copyOf(samples);
  }

  /** Forgets every sample, e.g. when the job was replaced. */
  public synchronized void clear() {
    samples.clear();
  }

  private MetricSample second() {
    var it = samples.iterator();
    it.next();
    return it.next();
  }
}
