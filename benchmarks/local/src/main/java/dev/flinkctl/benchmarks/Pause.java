package dev.flinkctl.benchmarks;

import java.time.Duration;

/** The polling interval of every wait loop: short, so polling adds at most this much to a time. */
final class Pause {
  static final Duration POLL = Duration.ofMillis(50);

  private Pause() {}

  static void briefly() {
    sleep(POLL);
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
