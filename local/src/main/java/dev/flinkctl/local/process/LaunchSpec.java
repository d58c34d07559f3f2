package dev.flinkctl.local.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One JVM to start.
 *
 * @param role names the process among its cluster's, e.g. "jobmanager-0", "taskmanager-1"; it
 *     names the pid file, so it must be a plain file name
 * @param flinkHome the cluster's own FLINK_HOME: conf/ (config file, log4j.properties), usrlib/
 *     (job jars for application mode), log/; the jars stay in {@code dist}
 * @param extraJvmOptions e.g. env.java.opts.all and env.java.opts.taskmanager, already split
 *     (see {@link JvmOptions#split}); they come after Flink's memory options, so they win
 * @param logFile Flink's log ({@code -Dlog.file}); stdout and stderr go to the same name with
 *     .out, and the pid file to {@code <role>.pid} in the same directory
 */
public record LaunchSpec(
    String role,
    FlinkDistribution dist,
    Path flinkHome,
    String mainClass,
    List<String> args,
    List<String> extraJvmOptions,
    Path logFile) {
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public LaunchSpec {
    Objects.requireNonNull(dist, "dist");
    Objects.requireNonNull(mainClass, "mainClass");
    if (role == null || !ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException("role must be a plain name like taskmanager-1, got " + role);
    }
    flinkHome = flinkHome.toAbsolutePath();
    logFile = logFile.toAbsolutePath();
    args = List.copyOf(args);
    extraJvmOptions = List.copyOf(extraJvmOptions);
  }

  /** The usual place for a role's log: {@code <flinkHome>/log/<role>.log}. */
  public static Path defaultLogFile(Path flinkHome, String role) {
    return flinkHome.toAbsolutePath().resolve("log").resolve(role + ".log");
  }

  public Path confDir() {
    return flinkHome.resolve("conf");
  }

  public Path usrlib() {
    return flinkHome.resolve("usrlib");
  }

  public Path pidFile() {
    return logFile.resolveSibling(role + ".pid");
  }

  public Path outFile() {
    return FlinkProcess.outFileFor(logFile);
  }
}
