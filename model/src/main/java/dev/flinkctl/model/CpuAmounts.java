package dev.flinkctl.model;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU amounts: 1, 0.5, 500m. Kept in millicores so that equal amounts render identically. */
public final class CpuAmounts {
  private static final Pattern CPU = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)(m?)\\s*$");

  private CpuAmounts() {}

  public static Optional<Long> parseMillis(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = CPU.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal n = new BigDecimal(m.group(1));
    BigDecimal millis = m.group(2).isEmpty() ? n.multiply(BigDecimal.valueOf(1000)) : n;
    return millis.signum() > 0 ? Optional.of(millis.longValue()) : Optional.empty();
  }

  /** Kubernetes quantity: "2" for whole cores, "500m" otherwise. */
  public static String kubernetes(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  /** Flink's decimal form, e.g. for taskmanager.cpu.cores. */
  public static String decimal(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }
}
