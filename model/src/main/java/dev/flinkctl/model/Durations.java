package dev.flinkctl.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Flink writes them: 500ms, 30s, 5min, 1h, 2d; a bare number is milliseconds. */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("^\\s*(\\d+)\\s*([a-zA-Z]*)\\s*$");

  private Durations() {}

  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> Optional.of(Duration.ofMillis(n));
      case "s", "sec", "secs", "second", "seconds" -> Optional.of(Duration.ofSeconds(n));
      case "m", "min", "mins", "minute", "minutes" -> Optional.of(Duration.ofMinutes(n));
      case "h", "hour", "hours" -> Optional.of(Duration.ofHours(n));
      case "d", "day", "days" -> Optional.of(Duration.ofDays(n));
      default -> Optional.empty();
    };
  }
}
