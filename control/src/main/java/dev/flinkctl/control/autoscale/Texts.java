package dev.flinkctl.control.autoscale;

import java.time.Duration;

/** Numbers as the autoscaler's reasons write them: whole percents and short durations. */
final class Texts {
  private static final int MAX_NAME = 60;

  private Texts() {}

  static int percent(double ratio) {
    return (int) Math.round(ratio * 100);
  }

  /** 45s, 5m, 1m30s, 1h5m: what a reader compares with the spec's own durations. */
  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    long h = s / 3600;
    long m = s % 3600 / 60;
    long rest = s % 60;
    return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (rest > 0 ? rest + "s" : "");
  }

  static String taskManagers(int n) {
    return n + (n == 1 ? " TaskManager" : " TaskManagers");
  }

  /** Vertex names are whole operator chains; the start names the chain well enough. */
  static String vertex(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
  }
}
