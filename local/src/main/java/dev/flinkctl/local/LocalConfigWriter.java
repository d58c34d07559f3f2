package dev.flinkctl.local;

import dev.flinkctl.control.PlatformException;
import dev.flinkctl.model.ConfigFile;
import dev.flinkctl.model.EffectiveConfig;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.LogConfiguration;
import dev.flinkctl.model.ResolvedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a cluster's conf directory from the model: the config file and log4j files. */
final class LocalConfigWriter {
  private LocalConfigWriter() {}

  static void write(Path confDir, ResolvedCluster cluster, EffectiveConfig config) {
    ConfigFile.Rendered file = ConfigFile.render(cluster.version(), config.entries());
    String errors = file.problems().stream().filter(Finding::isError).map(Finding::oneLine)
        .collect(Collectors.joining("; "));
    if (!errors.isEmpty()) {
      throw new PlatformException(errors);
    }
    try {
      Files.createDirectories(confDir);
      for (String stale : new String[] {ConfigFile.LEGACY, ConfigFile.STANDARD}) {
        Files.deleteIfExists(confDir.resolve(stale));
      }
      Files.writeString(confDir.resolve(file.fileName()), file.text());
      for (Map.Entry<String, String> log : LogConfiguration.filesForProcesses(cluster).entrySet()) {
        Files.writeString(confDir.resolve(log.getKey()), log.getValue());
      }
    } catch (IOException e) {
      throw new PlatformException("cannot write " + confDir + ": " + e.getMessage(), e);
    }
  }
}
