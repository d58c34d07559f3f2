package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * GET /jobs/:id/vertices/:vid/backpressure.
 *
 * @param status "ok" when Flink had statistics; "deprecated" when it had none yet (then level is
 *     null and maxRatio 0)
 * @param level Flink's verdict for the vertex: ok up to a ratio of 0.10, low up to 0.5, high above
 * @param maxRatio the highest back-pressured share of time over the subtasks, 0 to 1
 */
public record BackpressureInfo(String status, Level level, double maxRatio) {

  public enum Level {
    OK,
    LOW,
    HIGH,
    /** A level name from a newer Flink. */
    UNKNOWN;

    @JsonCreator
    static Level of(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        return UNKNOWN;
      }
    }
  }

  /** Whether Flink had statistics for the vertex. */
  public boolean isAvailable() {
    return "ok".equals(status);
  }

  // Flink reports per-subtask ratios; callers want one number, and the worst subtask is what stalls.
  @JsonCreator
  static BackpressureInfo fromJson(@JsonProperty("status") String status,
      @JsonProperty("backpressure-level") Level level,
      @JsonProperty("subtasks") List<Subtask> subtasks) {
    double max = subtasks == null ? 0
        : subtasks.stream().mapToDouble(Subtask::ratio).max().orElse(0);
    return new BackpressureInfo(status, level, max);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Subtask(@JsonProperty("subtask") int subtask, @JsonProperty("ratio") double ratio) {
  }
}
