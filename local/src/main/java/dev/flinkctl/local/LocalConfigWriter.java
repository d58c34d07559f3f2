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
  /** Flink's processes log to files here; the console file is what a pod would use. */
  static final String FILE_LOG = """
      monitorInterval = 30
      rootLogger.level = INFO
      rootLogger.appenderRef.file.ref = MainAppender
      logger.pekko.name = org.apache.pekko
      logger.pekko.level = INFO
      logger.kafka.name = org.apache.kafka
      logger.kafka.level = INFO
      logger.zookeeper.name = org.apache.zookeeper
      logger.zookeeper.level = WARN
      logger.shaded_zookeeper.name = org.apache.flink.shaded.zookeeper3
      logger.shaded_zookeeper.level = WARN
      appender.main.name = MainAppender
      appender.main.type = RollingFile
      appender.main.append = true
      appender.main.fileName = ${sys:log.file}
      appender.main.filePattern = ${sys:log.file}.%i
      appender.main.layout.type = PatternLayout
      appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
      appender.main.policies.type = Policies
      appender.main.policies.size.type = SizeBasedTriggeringPolicy
      appender.main.policies.size.size = 100MB
      appender.main.strategy.type = DefaultRolloverStrategy
      appender.main.strategy.max = 5
      """;

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
      for (Map.Entry<String, String> log : LogConfiguration.files(cluster).entrySet()) {
        Files.writeString(confDir.resolve(log.getKey()), log.getValue());
      }
      if (!cluster.logConfiguration().containsKey("log4j.properties")) {
        Files.writeString(confDir.resolve("log4j.properties"), FILE_LOG);
      }
    } catch (IOException e) {
      throw new PlatformException("cannot write " + confDir + ": " + e.getMessage(), e);
    }
  }
}
