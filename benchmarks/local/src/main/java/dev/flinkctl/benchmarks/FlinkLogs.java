package dev.flinkctl.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What Flink's own logs say about a run. A TaskManager that asks for the ResourceManager before
 * the JobManager has started it waits cluster.registration.error-delay (10 s) before asking again;
 * that wait is no start-up work, so the report tells runs with it apart.
 */
final class FlinkLogs {
  static final String RETRY = "Could not resolve ResourceManager address";

  private FlinkLogs() {}

  static int registrationRetries(Path taskManagerLog) {
    if (!Files.exists(taskManagerLog)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(taskManagerLog)) {
      return (int) lines.filter(l -> l.contains(RETRY)).count();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("cannot read " + taskManagerLog, e);
    }
  }

  static Path taskManagerLog(Path logDir) {
    return logDir.resolve("taskmanager-0.log");
  }
}
