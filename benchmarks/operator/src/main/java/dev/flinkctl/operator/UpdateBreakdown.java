package dev.flinkctl.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where an update's time went, from the mock server's own timing of every request it served: how
 * long it was busy with the benchmark client's requests (the spec change itself), how long with the
 * operator's (of any cluster), and the rest, when the server was idle: event delivery, the
 * operator's own work and the client noticing the result.
 */
final class UpdateBreakdown {
  /** One update, from just before the client sends the change to when it sees the new TaskManager template. */
  record Window(long startNanos, long endNanos) {}

  record Share(double totalMs, double clientMs, double operatorMs, int operatorRequests) {
    double idleMs() {
      return totalMs - clientMs - operatorMs;
    }
  }

  private UpdateBreakdown() {}

  static List<Share> of(List<Window> windows, List<ServerSideApplyDispatcher.Served> served) {
    List<Share> shares = new ArrayList<>();
    for (Window w : windows) {
      List<ServerSideApplyDispatcher.Served> inside = served.stream()
          .filter(s -> s.endNanos() > w.startNanos() && s.startNanos() < w.endNanos()).toList();
      shares.add(new Share(millis(w.endNanos() - w.startNanos()), millis(busy(inside, false, w)),
          millis(busy(inside, true, w)), (int) inside.stream().filter(ServerSideApplyDispatcher.Served::counted).count()));
    }
    return shares;
  }

  /** Time within the window covered by at least one request of the kind: requests may overlap. */
  private static long busy(List<ServerSideApplyDispatcher.Served> served, boolean counted, Window w) {
    List<long[]> spans = served.stream().filter(s -> s.counted() == counted)
        .map(s -> new long[] {Math.max(s.startNanos(), w.startNanos()), Math.min(s.endNanos(), w.endNanos())})
        .sorted(Comparator.comparingLong(s -> s[0])).toList();
    long total = 0;
    long coveredTo = Long.MIN_VALUE;
    for (long[] s : spans) {
      long from = Math.max(s[0], coveredTo);
      if (s[1] > from) {
        total += s[1] - from;
      }
      coveredTo = Math.max(coveredTo, s[1]);
    }
    return total;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
