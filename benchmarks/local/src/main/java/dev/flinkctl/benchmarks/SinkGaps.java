package dev.flinkctl.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the stamps the example job writes with {@code --stamp true} (the last field of each
 * {@code key,seq,count,millis} line) from committed part files only: in-progress and pending
 * files start with a dot and may still be rolled back.
 */
final class SinkGaps {
  private SinkGaps() {}

  /** The longest gap between consecutive committed records counted within [from, to], in ms. */
  static long longestGap(Path output, Instant from, Instant to) {
    List<Long> stamps = stamps(output);
    Collections.sort(stamps);
    long longest = 0;
    for (int i = 1; i < stamps.size(); i++) {
      long a = stamps.get(i - 1);
      long b = stamps.get(i);
      if (b >= from.toEpochMilli() && a <= to.toEpochMilli()) {
        longest = Math.max(longest, b - a);
      }
    }
    return longest;
  }

  static List<Long> stamps(Path output) {
    List<Long> stamps = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .toList()) {
        for (String line : Files.readAllLines(f)) {
          int comma = line.lastIndexOf(',');
          if (comma > 0 && line.chars().filter(c -> c == ',').count() == 3) {
            stamps.add(Long.parseLong(line.substring(comma + 1).trim()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stamps;
  }
}
