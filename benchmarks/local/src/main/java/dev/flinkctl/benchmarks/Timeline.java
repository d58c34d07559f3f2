package dev.flinkctl.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Milliseconds from a start instant to named events; an event keeps its first time. */
final class Timeline {
  private final long start = System.nanoTime();
  private final Map<String, Long> marks = new LinkedHashMap<>();
  private final Map<String, Long> durations = new LinkedHashMap<>();

  long elapsedMs() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  void mark(String event) {
    marks.putIfAbsent(event, elapsedMs());
  }

  void mark(String event, long atMs) {
    marks.putIfAbsent(event, atMs);
  }

  /**
   * Marks when the process a pid file names was started, as the kernel recorded it: exact even
   * when the process was spawned in the middle of a step this thread could not look into.
   */
  void markProcessStart(String event, Path pidFile) {
    if (has(event) || !Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      mark(event, elapsedMs() - ageMs(pid));
    } catch (IOException | RuntimeException e) {
      // Being rewritten, already gone, or no /proc: the next poll tries again.
    }
  }

  /**
   * From /proc: uptime (10 ms resolution) minus the start time in clock ticks (USER_HZ, 100 on
   * Linux). ProcessHandle's startInstant is no good here: it adds a boot time rounded to seconds.
   */
  static long ageMs(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long startTicks = Long.parseLong(fields[19]); // field 22 of proc(5); fields[0] is field 3
    double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
    return Math.round(uptime * 1000) - startTicks * 10;
  }

  boolean has(String event) {
    return marks.containsKey(event);
  }

  OptionalLong get(String event) {
    Long at = marks.get(event);
    return at == null ? OptionalLong.empty() : OptionalLong.of(at);
  }

  /** How long something inside the timed span took, e.g. one control-loop step. */
  void duration(String what, long ms) {
    durations.putIfAbsent(what, ms);
  }

  OptionalLong duration(String what) {
    Long ms = durations.get(what);
    return ms == null ? OptionalLong.empty() : OptionalLong.of(ms);
  }
}
