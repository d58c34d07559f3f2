package dev.flinkctl.local;

import dev.flinkctl.control.Plan;
import dev.flinkctl.control.PlatformException;
import dev.flinkctl.local.process.Entrypoints;
import dev.flinkctl.local.process.FlinkDistribution;
import dev.flinkctl.local.process.FlinkProcess;
import dev.flinkctl.local.process.FlinkVersions;
import dev.flinkctl.local.process.JvmOptions;
import dev.flinkctl.local.process.LaunchSpec;
import dev.flinkctl.local.process.ResourceParams;
import dev.flinkctl.model.EffectiveConfig;
import dev.flinkctl.model.FlinkConfiguration;
import dev.flinkctl.model.LocalSettings;
import dev.flinkctl.model.ResolvedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Starts, stops and restarts one cluster's Flink processes and keeps their record on disk. */
final class LocalProcesses {
  static final Duration GRACE = Duration.ofSeconds(15);
  static final String METRICS_PORTS = "9250-9350";
  /** Restarts within this window count towards a crash loop, as a kubelet's back-off would. */
  static final Duration CRASH_WINDOW = Duration.ofMinutes(2);
  static final int CRASH_LIMIT = 3;

  private final LocalLayout layout;
  private final Consumer<String> progress;
  private final Map<String, List<Instant>> restarts = new HashMap<>();

  LocalProcesses(LocalLayout layout, Consumer<String> progress) {
    this.layout = layout;
    this.progress = progress;
  }

  Optional<ProcessRecord> record(String cluster) {
    return Yaml.read(layout.processes(cluster), ProcessRecord.class);
  }

  Optional<FlinkProcess> find(String cluster, String role) {
    return FlinkProcess.attach(pidFile(cluster, role));
  }

  boolean alive(String cluster, String role) {
    return find(cluster, role).map(FlinkProcess::isAlive).orElse(false);
  }

  void deploy(Plan plan) {
    ResolvedCluster c = plan.cluster();
    stopAll(c.name(), false);
    FlinkDistribution dist = distribution(c);
    LocalHa ha = new LocalHa(layout, dist, progress);
    String zk = c.highAvailability() ? ha.ensureRunning(c.name()) : null;
    List<ProcessRecord.JobManagerPorts> ports = ports(c);
    ProcessRecord.JobManagerPorts first = ports.get(0);
    LocalSettings settings = new LocalSettings(LocalPlatform.HOST, first.rest(), first.rpc(), first.blob(),
        METRICS_PORTS, zk, layout.state(c.name()).toUri().toString().replaceAll("/$", ""),
        layout.cluster(c.name()).resolve("tmp").toAbsolutePath().toString());
    try {
      java.nio.file.Files.createDirectories(layout.cluster(c.name()).resolve("tmp/web"));
    } catch (java.io.IOException e) {
      throw new PlatformException("cannot create " + layout.cluster(c.name()).resolve("tmp") + ": " + e.getMessage(), e);
    }
    EffectiveConfig config = FlinkConfiguration.forLocal(c, settings);
    LocalConfigWriter.write(layout.conf(c.name()), c, config);
    Yaml.write(layout.cluster(c.name()).resolve("local-changes.yaml"), config.derived().stream()
        .filter(f -> f.rule().equals("config-local")).map(f -> f.field() + ": " + f.message()).toList());
    if (c.isApplication()) {
      JarFetcher.fetch(c.job().spec().jarURI(), layout.usrlib(c.name()));
    }
    ProcessRecord record = new ProcessRecord(plan.revision(), dist.version(), ports, c.taskManager().replicas(), zk,
        METRICS_PORTS, List.of());
    Yaml.write(layout.processes(c.name()), record);
    restarts.clear();
    if (record.taskManagers() > 0) {
      // Flink's memory arithmetic for the TaskManagers runs while the JobManager's does.
      ResourceParams.prefetch(ResourceParams.Kind.TASK_MANAGER, dist, layout.conf(c.name()), List.of());
    }
    for (int i = 0; i < ports.size(); i++) {
      startJobManager(c, plan, dist, record, i);
    }
    for (int i = 0; i < record.taskManagers(); i++) {
      startTaskManager(c, dist, i);
    }
  }

  void scaleTaskManagers(ResolvedCluster c, int replicas) {
    ProcessRecord record = record(c.name()).orElseThrow(() -> new PlatformException(c.name() + " is not deployed"));
    FlinkDistribution dist = distribution(c);
    for (int i = record.taskManagers(); i < replicas; i++) {
      startTaskManager(c, dist, i);
    }
    for (int i = record.taskManagers() - 1; i >= replicas; i--) {
      find(c.name(), ProcessRecord.taskManagerRole(i)).ifPresent(p -> p.stop(GRACE));
    }
    Yaml.write(layout.processes(c.name()), record.withTaskManagers(replicas));
  }

  /** Stops TaskManagers, then JobManagers; with {@code all}, the HA ZooKeeper too. */
  void stopAll(String cluster, boolean all) {
    Optional<ProcessRecord> record = record(cluster);
    if (record.isEmpty()) {
      return;
    }
    List<FlinkProcess> running = new ArrayList<>();
    for (int i = 0; i < Math.max(record.get().taskManagers(), 64); i++) {
      find(cluster, ProcessRecord.taskManagerRole(i)).ifPresent(running::add);
    }
    for (int i = 0; i < record.get().jobManagers().size(); i++) {
      find(cluster, ProcessRecord.jobManagerRole(i)).ifPresent(running::add);
    }
    running.parallelStream().forEach(p -> p.stop(GRACE));
    if (all) {
      new LocalHa(layout, null, progress).stop(cluster);
    }
    Yaml.write(layout.processes(cluster), new ProcessRecord(null, record.get().flinkVersion(),
        record.get().jobManagers(), 0, null, record.get().metricsPorts(), List.of()));
  }

  /** Restarts what died; gives up on a process that keeps dying and says why in the record. */
  void heal(ResolvedCluster c) {
    Optional<ProcessRecord> record = record(c.name());
    if (record.isEmpty() || record.get().revision() == null) {
      return;
    }
    ProcessRecord r = record.get();
    List<String> failures = new ArrayList<>();
    FlinkDistribution dist = null;
    for (int i = 0; i < r.jobManagers().size() + r.taskManagers(); i++) {
      boolean jm = i < r.jobManagers().size();
      int index = jm ? i : i - r.jobManagers().size();
      String role = jm ? ProcessRecord.jobManagerRole(index) : ProcessRecord.taskManagerRole(index);
      Optional<FlinkProcess> p = find(c.name(), role);
      if (p.isPresent() && p.get().isAlive()) {
        continue;
      }
      String lastWords = FlinkProcess.tailLog(LaunchSpec.defaultLogFile(layout.flinkHome(c.name()), role), 60);
      if (crashLooping(c.name() + "/" + role)) {
        failures.add(role + " keeps exiting: " + reason(lastWords));
        continue;
      }
      progress.accept(c.name() + ": " + role + " is not running; restarting it");
      dist = dist == null ? distribution(c) : dist;
      if (jm) {
        startJobManager(c, null, dist, r, index);
      } else {
        startTaskManager(c, dist, index);
      }
    }
    if (!failures.equals(r.failures())) {
      Yaml.write(layout.processes(c.name()), r.withFailures(failures));
    }
  }

  private boolean crashLooping(String key) {
    Instant now = Instant.now();
    List<Instant> times = restarts.computeIfAbsent(key, k -> new ArrayList<>());
    times.removeIf(t -> t.isBefore(now.minus(CRASH_WINDOW)));
    if (times.size() >= CRASH_LIMIT) {
      return true;
    }
    times.add(now);
    return false;
  }

  /**
   * The most telling line of a dead process's log: the deepest "Caused by", else the last error or
   * exception that is not a stack frame, else the last line.
   */
  static String reason(String log) {
    List<String> lines = log.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("==>")).toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("Caused by:")) {
        return lines.get(i).substring("Caused by:".length()).strip();
      }
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      String l = lines.get(i);
      if (!l.startsWith("at ") && (l.contains("Exception") || l.contains("ERROR") || l.contains("Error"))) {
        return l;
      }
    }
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
  }

  private void startJobManager(ResolvedCluster c, Plan plan, FlinkDistribution dist, ProcessRecord r, int i) {
    ProcessRecord.JobManagerPorts p = r.jobManagers().get(i);
    Map<String, String> props = new java.util.TreeMap<>();
    props.put("rest.port", Integer.toString(p.rest()));
    props.put("jobmanager.rpc.port", Integer.toString(p.rpc()));
    props.put("blob.server.port", Integer.toString(p.blob()));
    Path conf = layout.conf(c.name());
    List<String> args;
    String main;
    if (c.isApplication()) {
      dev.flinkctl.model.JobLaunch launch = ApplicationLaunch.load(layout, c, plan);
      main = Entrypoints.APPLICATION_JOBMANAGER;
      args = Entrypoints.applicationJobManager(conf, new Entrypoints.ApplicationJob(c.job().spec().entryClass(),
          launch.jobId(), launch.restorePath(), launch.allowNonRestoredState(), props,
          c.job().spec().args() == null ? List.of() : c.job().spec().args()));
    } else {
      main = Entrypoints.SESSION_JOBMANAGER;
      args = Entrypoints.sessionJobManager(conf, props);
    }
    start(c, dist, ProcessRecord.jobManagerRole(i), main, args);
  }

  private void startTaskManager(ResolvedCluster c, FlinkDistribution dist, int i) {
    Map<String, String> props = Map.of("taskmanager.resource-id", c.name() + "-" + ProcessRecord.taskManagerRole(i));
    start(c, dist, ProcessRecord.taskManagerRole(i), Entrypoints.TASKMANAGER,
        Entrypoints.taskManager(layout.conf(c.name()), props));
  }

  private void start(ResolvedCluster c, FlinkDistribution dist, String role, String main, List<String> args) {
    Path home = layout.flinkHome(c.name());
    FlinkProcess.start(new LaunchSpec(role, dist, home, main, args, userJvmOptions(c, role),
        LaunchSpec.defaultLogFile(home, role)));
  }

  /**
   * The JVM options the user set in flinkConfiguration, as Flink's scripts would pass them: the
   * options for all JVMs, then those of the role (a GC flag or a -D reaches the process).
   */
  static List<String> userJvmOptions(ResolvedCluster c, String role) {
    String kind = role.startsWith("jobmanager") ? "jobmanager" : role.startsWith("taskmanager") ? "taskmanager" : null;
    List<String> options = new ArrayList<>(JvmOptions.split(c.flinkConfiguration().get("env.java.opts")));
    if (kind != null) {
      options.addAll(JvmOptions.split(c.flinkConfiguration().get("env.java.opts." + kind)));
    }
    return options;
  }

  private FlinkDistribution distribution(ResolvedCluster c) {
    return FlinkDistribution.resolve(FlinkVersions.fullVersion(c.version().toString()), layout.distributions(),
        progress);
  }

  /** Keeps the first JobManager's REST port stable (8081 when free), so the web UI URL does not move. */
  private List<ProcessRecord.JobManagerPorts> ports(ResolvedCluster c) {
    List<ProcessRecord.JobManagerPorts> previous = record(c.name()).map(ProcessRecord::jobManagers).orElse(List.of());
    return LocalPorts.forJobManagers(c.jobManager().replicas(), previous);
  }

  private Path pidFile(String cluster, String role) {
    return LaunchSpec.defaultLogFile(layout.flinkHome(cluster), role).resolveSibling(role + ".pid");
  }
}
