package dev.flinkctl.control.autoscale;

/**
 * What one sample asks for.
 *
 * @param known false when the sample lacks the metrics to judge by; then replicas and
 *     parallelism are 0 and the reason says what is missing
 * @param replicas TaskManagers, within [minReplicas, maxReplicas]
 * @param parallelism the parallelism the signals asked for, capped at max parallelism
 * @param reason the numbers behind it, e.g. "busy 92% at parallelism 2 &gt; target 70% → parallelism 3
 *     → 2 TaskManagers"
 */
public record Recommendation(boolean known, int replicas, int parallelism, String reason) {

  static Recommendation unknown(String reason) {
    return new Recommendation(false, 0, 0, reason);
  }
}
