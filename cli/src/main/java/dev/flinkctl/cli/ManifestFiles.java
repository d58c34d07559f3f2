package dev.flinkctl.cli;

import dev.flinkctl.model.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads -f FILE (or - for standard input) into FlinkClusters. */
final class ManifestFiles {
  private ManifestFiles() {}

  static Manifests.Parsed read(String file, InputStream stdin) {
    String text;
    String source;
    try {
      if ("-".equals(file)) {
        text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        source = "<stdin>";
      } else {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
          throw new UserException(file + ": no such file");
        }
        text = Files.readString(path);
        source = file;
      }
    } catch (IOException e) {
      throw new UserException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    Manifests.Parsed parsed = Manifests.parse(text, source);
    if (parsed.clusters().isEmpty()) {
      throw new UserException(source + ": holds no FlinkCluster (apiVersion: flink.apache.org/v1beta1, kind: FlinkCluster)");
    }
    return parsed;
  }
}
