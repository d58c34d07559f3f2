package dev.flinkctl.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a run measured flinkctl or a collision with other work on the machine. Local clusters
 * prefer port 8081 for the web UI, so a concurrent test cluster can take it between flinkctl's
 * check and Flink's bind; the JobManager then dies and is restarted, and the run times that.
 */
final class Disturbances {
  private Disturbances() {}

  /** Restarts the supervisor reported, plus the bind error that explains them, if a log has one. */
  static List<String> of(List<String> supervisorLines, Path flinkLogs) {
    List<String> found = new ArrayList<>(supervisorLines.stream()
        .filter(l -> l.contains("restarting it") || l.contains("keeps exiting")).toList());
    if (!found.isEmpty()) {
      bindError(flinkLogs).ifPresent(found::add);
    }
    return found;
  }

  static List<String> ofLogFile(Path supervisorLog, Path flinkLogs) {
    try {
      return of(Files.exists(supervisorLog) ? Files.readAllLines(supervisorLog) : List.of(), flinkLogs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.Optional<String> bindError(Path flinkLogs) {
    if (!Files.isDirectory(flinkLogs)) {
      return java.util.Optional.empty();
    }
    try (Stream<Path> files = Files.list(flinkLogs)) {
      for (Path f : files.filter(p -> p.toString().matches(".*\\.(out|log)(\\.\\d+)?")).sorted().toList()) {
        try (Stream<String> lines = Files.lines(f)) {
          java.util.Optional<String> hit = lines.filter(l -> l.contains("Address already in use")).findFirst();
          if (hit.isPresent()) {
            return java.util.Optional.of(f.getFileName() + ": " + hit.get().strip());
          }
        } catch (UncheckedIOException e) {
          // not text; skip
        }
      }
      return java.util.Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
