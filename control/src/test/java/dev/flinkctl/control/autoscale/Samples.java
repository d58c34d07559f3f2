package dev.flinkctl.control.autoscale;

import java.time.Duration;
import java.time.Instant;

/** Samples and a policy for the autoscaler's tests, on a fixed clock. */
final class Samples {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** 1..10 TaskManagers, 70 % target, 50 % back pressure, lag 1000, 10s / 30s / 5m / 1m. */
  static final AutoscalerPolicy POLICY = new AutoscalerPolicy(1, 10, 0.7, 0.5, 1000L, Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1));

  private Samples() {}

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static MetricSample busy(long seconds, int parallelism, double busy) {
    return new MetricSample(at(seconds), parallelism, parallelism, busy, 0.0, null, null, null, null);
  }

  static MetricSample lag(long seconds, int parallelism, double busy, long lag, Integer partitions) {
    return new MetricSample(at(seconds), parallelism, parallelism, busy, 0.0, lag, partitions, null, null);
  }

  static MetricSample backpressured(long seconds, int parallelism, double busy, double backpressure) {
    return new MetricSample(at(seconds), parallelism, parallelism, busy, backpressure, null, null, null, null);
  }

  static MetricSample nothingYet(long seconds, int parallelism) {
    return new MetricSample(at(seconds), parallelism, parallelism, Double.NaN, Double.NaN, null, null, null, null);
  }
}
