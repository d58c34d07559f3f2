package dev.flinkctl.cli;

import dev.flinkctl.api.FlinkVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version", description = "Print flinkctl's version and the Flink versions it supports.")
final class VersionCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    for (String line : new Provider().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
  }

  static String version() {
    try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
          "flinkctl " + version(),
          "FlinkCluster API: flink.apache.org/v1beta1",
          "Flink versions: " + String.join(", ", FlinkVersion.SUPPORTED.stream().map(Object::toString).toList()),
          "Java " + System.getProperty("java.version")
      };
    }
  }
}
