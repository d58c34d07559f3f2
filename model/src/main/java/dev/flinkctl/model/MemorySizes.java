package dev.flinkctl.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as users write them. Flink's units (m, mb, g, gb: binary, case-insensitive) take
 * precedence over Kubernetes' decimal SI suffixes because the seed manifests write {@code 2048m}
 * meaning 2048 MiB, not 2.048 bytes. Kubernetes binary suffixes (Ki, Mi, Gi, Ti) are accepted too.
 */
public final class MemorySizes {
  private static final Pattern SIZE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*$");
  private static final long KIB = 1024;
  private static final long MIB = KIB * 1024;

  private MemorySizes() {}

  /** Bytes, or empty when the text is no size. */
  public static Optional<Long> parseBytes(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    Long unit = unit(m.group(2));
    if (unit == null) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).longValue());
  }

  /** Whole mebibytes, rounded down as Flink does when it sizes the JVM. */
  public static Optional<Long> parseMebibytes(String text) {
    return parseBytes(text).map(b -> b / MIB);
  }

  private static Long unit(String suffix) {
    // Kubernetes binary suffixes are case-sensitive and two letters; check them before Flink's.
    switch (suffix) {
      case "Ki": return KIB;
      case "Mi": return MIB;
      case "Gi": return MIB * 1024;
      case "Ti": return MIB * 1024 * 1024;
      default: break;
    }
    switch (suffix.toLowerCase(Locale.ROOT)) {
      case "", "b", "bytes": return 1L;
      case "k", "kb", "kibibytes": return KIB;
      case "m", "mb", "mebibytes": return MIB;
      case "g", "gb", "gibibytes": return MIB * 1024;
      case "t", "tb", "tebibytes": return MIB * 1024 * 1024;
      default: return null;
    }
  }

  /** Flink's way to write whole mebibytes: 2048m. */
  public static String flink(long mebibytes) {
    return mebibytes + "m";
  }

  /** Kubernetes' way: 2048Mi. */
  public static String kubernetes(long mebibytes) {
    return mebibytes + "Mi";
  }
}
