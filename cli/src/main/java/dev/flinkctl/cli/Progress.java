package dev.flinkctl.cli;

import dev.flinkctl.api.FlinkClusterStatus;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/** Prints one line per cluster whenever what a user cares about changes, like docker compose up. */
final class Progress {
  private final PrintWriter out;
  private final Map<String, String> last = new HashMap<>();

  Progress(PrintWriter out) {
    this.out = out;
  }

  void show(String name, FlinkClusterStatus s) {
    String line = StatusTable.summary(name, s);
    if (!line.equals(last.put(name, line))) {
      out.println(line);
      out.flush();
    }
  }
}
