package dev.flinkctl.local;

import java.nio.file.Path;

/**
 * Where a local run keeps everything: one directory, {@code $FLINKCTL_HOME} or {@code ~/.flinkctl}.
 *
 * <pre>
 * flink/                       Flink jars per version, resolved from Maven Central once
 * clusters/NAME/cluster.yaml   the FlinkCluster as last applied by flinkctl up
 * clusters/NAME/status.yaml    its status, written before every action
 * clusters/NAME/processes.yaml what runs: revision, ports, process ids
 * clusters/NAME/home/          FLINK_HOME of the cluster: conf/, usrlib/, log/
 * clusters/NAME/state/         checkpoints/, savepoints/, ha/ (unless the spec names durable storage)
 * </pre>
 */
public record LocalLayout(Path root, Path distributions) {
  public LocalLayout(Path root) {
    this(root, root.resolve("flink"));
  }

  /** {@code -Dflinkctl.home} (how the background supervisor inherits it), else $FLINKCTL_HOME, else ~/.flinkctl. */
  public static LocalLayout fromEnvironment() {
    String home = System.getProperty("flinkctl.home", System.getenv("FLINKCTL_HOME"));
    return new LocalLayout(home != null && !home.isBlank() ? Path.of(home)
        : Path.of(System.getProperty("user.home"), ".flinkctl"));
  }

  public Path clusters() {
    return root.resolve("clusters");
  }

  public Path cluster(String name) {
    return clusters().resolve(name);
  }

  public Path spec(String name) {
    return cluster(name).resolve("cluster.yaml");
  }

  public Path status(String name) {
    return cluster(name).resolve("status.yaml");
  }

  public Path processes(String name) {
    return cluster(name).resolve("processes.yaml");
  }

  public Path flinkHome(String name) {
    return cluster(name).resolve("home");
  }

  public Path conf(String name) {
    return flinkHome(name).resolve("conf");
  }

  public Path usrlib(String name) {
    return flinkHome(name).resolve("usrlib");
  }

  public Path logs(String name) {
    return flinkHome(name).resolve("log");
  }

  public Path state(String name) {
    return cluster(name).resolve("state");
  }

  public Path supervisorPid(String name) {
    return cluster(name).resolve("supervisor.pid");
  }

  public Path supervisorLog(String name) {
    return logs(name).resolve("supervisor.log");
  }

  public Path lock(String name) {
    return cluster(name).resolve(".lock");
  }
}
