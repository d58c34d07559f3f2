package dev.flinkctl.model;

import java.util.SortedMap;
import java.util.TreeMap;

/** Log4j2 files for the config directory; the user's files replace ours by name. */
public final class LogConfiguration {
  /** Read by the official image's entrypoint when Flink runs in the foreground, as in a pod. */
  public static final String CONSOLE = "log4j-console.properties";

  /** Read when Flink runs as a process of its own, as on this machine: logs go to ${sys:log.file}. */
  public static final String FILE = "log4j.properties";

  private static final String LEVELS = """
      monitorInterval = 30
      rootLogger.level = INFO
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
      """;

  static final String DEFAULT_CONSOLE = "# Logs go to the console so that kubectl logs and log collectors see them.\n"
      + LEVELS + """
      rootLogger.appenderRef.console.ref = ConsoleAppender
      appender.console.name = ConsoleAppender
      appender.console.type = CONSOLE
      appender.console.layout.type = PatternLayout
      appender.console.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
      """;

  static final String DEFAULT_FILE = LEVELS + """
      rootLogger.appenderRef.file.ref = MainAppender
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

  private LogConfiguration() {}

  /** The files of a run where each Flink process logs to its own file; the user's files still win. */
  public static SortedMap<String, String> filesForProcesses(ResolvedCluster c) {
    SortedMap<String, String> files = files(c);
    files.putIfAbsent(FILE, DEFAULT_FILE);
    return files;
  }

  public static SortedMap<String, String> files(ResolvedCluster c) {
    SortedMap<String, String> files = new TreeMap<>();
    files.put(CONSOLE, DEFAULT_CONSOLE);
    files.putAll(c.logConfiguration());
    return files;
  }
}
