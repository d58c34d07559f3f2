package dev.flinkctl.control.autoscale;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * HPA-like stabilization windows over a run of recommendations. A sample stands for the time
 * until the next one, so the window is covered once the run of recommendations pointing the same
 * way began at or before the window's start.
 */
final class Stabilization {
  private Stabilization() {}

  /**
   * @param samples eligible samples, oldest first, the newest not stale
   * @param recs their recommendations, in the same order
   */
  static ScalingDecision judge(AutoscalerPolicy p, List<MetricSample> samples, List<Recommendation> recs,
      int current, Instant now) {
    int newest = recs.size() - 1;
    Recommendation last = recs.get(newest);
    MetricSample signals = samples.get(newest);
    if (!last.known()) {
      return ScalingDecision.hold(now, current, "holding: " + last.reason(), signals);
    }
    int direction = Integer.compare(last.replicas(), current);
    if (direction == 0) {
      return ScalingDecision.hold(now, current, "holding at " + Texts.taskManagers(current) + ": "
          + last.reason(), signals);
    }
    boolean up = direction > 0;
    int first = newest;
    while (first > 0 && sameWay(recs.get(first - 1), current, direction)) {
      first--;
    }
    Duration window = up ? p.scaleUpStabilization() : p.scaleDownStabilization();
    Instant windowStart = now.minus(window);
    Duration held = Duration.between(samples.get(first).time(), now);
    String way = up ? "scale-up" : "scale-down";
    if (samples.get(first).time().isAfter(windowStart)) {
      return ScalingDecision.hold(now, current, "holding: " + way + " to " + Texts.taskManagers(last.replicas())
          + " recommended for " + Texts.duration(held) + " of " + Texts.duration(window) + " (" + last.reason() + ")",
          signals);
    }
    // The newest sample at or before the window's start speaks for the window's first moments;
    // older ones in the run lie outside the window and do not bound the move.
    int from = first;
    while (from < newest && !samples.get(from + 1).time().isAfter(windowStart)) {
      from++;
    }
    // Up to the least, down to the most the window asked for: a move every recommendation in
    // the window agrees with, so one noisy sample cannot overshoot.
    Recommendation chosen = recs.get(from);
    for (int i = from + 1; i <= newest; i++) {
      Recommendation r = recs.get(i);
      if (up ? r.replicas() <= chosen.replicas() : r.replicas() >= chosen.replicas()) {
        chosen = r;
      }
    }
    return ScalingDecision.change(now, current, chosen.replicas(), (up ? "scaling up" : "scaling down")
        + " from " + current + " to " + Texts.taskManagers(chosen.replicas()) + ": " + chosen.reason() + "; "
        + way + " recommended for " + Texts.duration(held) + " (window " + Texts.duration(window) + ")",
        signals);
  }

  private static boolean sameWay(Recommendation r, int current, int direction) {
    return r.known() && Integer.compare(r.replicas(), current) == direction;
  }
}
