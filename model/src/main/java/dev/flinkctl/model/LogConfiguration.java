package dev.flinkctl.model;

import java.util.SortedMap;
import java.util.TreeMap;

/** Log4j2 files for the config directory; the user's files replace ours by name. */
public final class LogConfiguration {
  /** Read by the official image's entrypoint when Flink runs in the foreground, as in a pod. */
  public static final String CONSOLE = "log4j-console.properties";

  static final String DEFAULT_CONSOLE = """
      # Logs go to the console so that kubectl logs and log collectors see them.
      monitorInterval = 30
      rootLogger.level = INFO
      rootLogger.appenderRef.console.ref = ConsoleAppender
      logger.pekko.name = org.apache.pekko
      logger.pekko.level = INFO
      logger.akka.name = akka
      logger.akka.level = INFO
      logger.kafka.name = org.apache.kafka
      logger.kafka.level = INFO
      logger.hadoop.name = org.apache.hadoop
      logger.hadoop.level = WARN
      logger.zookeeper.name = org.apache.zookeeper
      logger.zookeeper.level = INFO
      logger.shaded_zookeeper.name = org.apache.flink.shaded.zookeeper3
      logger.shaded_zookeeper.level = INFO
      logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
      logger.netty.level = OFF
      appender.console.name = ConsoleAppender
      appender.console.type = CONSOLE
      appender.console.layout.type = PatternLayout
      appender.console.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
      """;

  private LogConfiguration() {}

  public static SortedMap<String, String> files(ResolvedCluster c) {
    SortedMap<String, String> files = new TreeMap<>();
    files.put(CONSOLE, DEFAULT_CONSOLE);
    files.putAll(c.logConfiguration());
    return files;
  }
}
