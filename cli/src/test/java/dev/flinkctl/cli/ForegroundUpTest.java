package dev.flinkctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flinkctl up in the foreground, as a user runs it in a terminal: progress, the URL, then Ctrl-C stops it all. */
class ForegroundUpTest {
  @Test
  void showsProgressAndStopsCleanlyOnInterrupt(@TempDir Path home, @TempDir Path work) throws Exception {
    Path spec = Files.writeString(work.resolve("fg.yaml"), """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: fg}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: 1, resources: {memory: 1280m, cpu: 1}}
        """);
    Process up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dflinkctl.home=" + home, "-cp", System.getProperty("java.class.path"), Flinkctl.class.getName(),
        "up", "-f", spec.toString()).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.contains("Flink web UI at")) {
          break;
        }
      }
      assertThat(lines).as(String.join("\n", lines)).anyMatch(l -> l.startsWith("fg: Deploying"))
          .anyMatch(l -> l.startsWith("fg: Running"));
      up.toHandle().destroy(); // SIGTERM: runs the shutdown hooks as Ctrl-C does; keeps our end of the pipe open
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    } finally {
      if (!up.waitFor(60, TimeUnit.SECONDS)) {
        up.destroyForcibly();
      }
    }
    assertThat(lines).as(String.join("\n", lines)).anyMatch(l -> l.startsWith("fg: stopped"));
    assertThat(ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(home.toString())))
        .as("no Flink process left").isEmpty();
  }
}
