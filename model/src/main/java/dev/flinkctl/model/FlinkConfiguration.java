package dev.flinkctl.model;

import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.api.RescaleMode;
import dev.flinkctl.api.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Spec to Flink configuration. Defaults come first, the user's keys override them, and only what
 * the spec itself states (memory, slots, parallelism, HA) is set over the user's keys.
 */
public final class FlinkConfiguration {
  public static final int JM_RPC_PORT = 6123;
  public static final int BLOB_PORT = 6124;
  public static final int REST_PORT = 8081;
  public static final int TM_RPC_PORT = 6122;
  public static final int METRICS_PORT = 9249;
  static final String PROMETHEUS_FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

  private FlinkConfiguration() {}

  /** What runs on Kubernetes: fixed ports, services as addresses, Kubernetes HA. */
  public static EffectiveConfig forKubernetes(ResolvedCluster c) {
    Builder b = new Builder(c.version());
    if (!c.highAvailability()) {
      // With HA, TaskManagers find the leader through HA and each JobManager advertises its pod IP.
      b.defaults(Map.of("jobmanager.rpc.address", ResourceNames.rpc(c.name())));
    }
    b.defaults(Map.of(
        ConfigKeys.JM_RPC_PORT, Integer.toString(JM_RPC_PORT),
        "jobmanager.bind-host", "0.0.0.0",
        ConfigKeys.BLOB_PORT, Integer.toString(BLOB_PORT),
        ConfigKeys.REST_PORT, Integer.toString(REST_PORT),
        "rest.address", ResourceNames.rest(c.name()),
        "rest.bind-address", "0.0.0.0",
        ConfigKeys.TM_RPC_PORT, Integer.toString(TM_RPC_PORT),
        "taskmanager.bind-host", "0.0.0.0"));
    common(b, c);
    if (c.highAvailability()) {
      kubernetesHa(b, c);
    }
    return b.build();
  }

  /**
   * What runs on this machine. The user's keys win, except where a local run cannot honour them:
   * addresses and ports, and storage that is not on this disk (s3://, hdfs://); each change is noted.
   */
  public static EffectiveConfig forLocal(ResolvedCluster c, LocalSettings local) {
    Builder b = new Builder(c.version());
    common(b, c);
    b.local("jobmanager.rpc.address", local.host());
    b.local("jobmanager.bind-host", local.host());
    b.local(ConfigKeys.JM_RPC_PORT, Integer.toString(local.jobManagerRpcPort()));
    b.local(ConfigKeys.BLOB_PORT, Integer.toString(local.blobPort()));
    b.local("rest.address", local.host());
    b.local("rest.bind-address", local.host());
    b.local(ConfigKeys.REST_PORT, Integer.toString(local.restPort()));
    b.local("taskmanager.host", local.host());
    b.local("taskmanager.bind-host", local.host());
    // Every TaskManager is a process on the same host: each takes any free port.
    b.local(ConfigKeys.TM_RPC_PORT, "0");
    b.local(ConfigKeys.PROM_PORT, local.metricsPorts());
    // A TaskManager that starts before its JobManager retries after this many ms (default 10 s);
    // on one machine they start together. Plain milliseconds: 1.18/1.19 read it as a number.
    b.defaults(Map.of("cluster.registration.error-delay", "1000"));
    // Flink's working files stay with the cluster instead of /tmp, where other tools may clean them
    // away under a running JobManager (its jar uploads live there) and where kills leave them behind.
    b.defaults(Map.of("io.tmp.dirs", local.tmpDir(), "web.tmpdir", local.tmpDir() + "/web"));
    localDir(b, c, ConfigKeys.CHECKPOINT_DIR, local.stateDir() + "/checkpoints");
    localDir(b, c, ConfigKeys.SAVEPOINT_DIR, local.stateDir() + "/savepoints");
    if (c.highAvailability()) {
      b.local(ConfigKeys.HA_TYPE, "zookeeper");
      b.local("high-availability.zookeeper.quorum", local.zooKeeperQuorum());
      b.local(ConfigKeys.HA_CLUSTER_ID, "/" + c.name());
      localDir(b, c, ConfigKeys.HA_STORAGE_DIR, local.stateDir() + "/ha");
    }
    return b.build();
  }

  private static void localDir(Builder b, ResolvedCluster c, String key, String localDefault) {
    String given = c.flinkConfiguration().get(key);
    if (given == null || !isLocalPath(given)) {
      b.local(key, localDefault);
    }
  }

  /** file:// URIs and plain absolute paths are on this disk; s3://, hdfs://, gs:// are not. */
  static boolean isLocalPath(String uri) {
    return uri.startsWith("file:") || uri.startsWith("/");
  }

  /** Settings every platform shares: resources, metrics, JVM options, the user's keys. */
  static void common(Builder b, ResolvedCluster c) {
    b.defaults(Map.of(
        "metrics.reporter.prom.factory.class", PROMETHEUS_FACTORY,
        ConfigKeys.PROM_PORT, Integer.toString(METRICS_PORT),
        // Checkpoints must outlive a cancel so that a last-state upgrade can restart from them.
        "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION"));
    b.user(c.flinkConfiguration());
    b.spec(ConfigKeys.JM_PROCESS_SIZE, MemorySizes.flink(c.jobManager().memoryMiB()),
        "from spec.jobManager.resources.memory");
    b.spec(ConfigKeys.TM_PROCESS_SIZE, MemorySizes.flink(c.taskManager().memoryMiB()),
        "from spec.taskManager.resources.memory");
    b.spec(ConfigKeys.SLOTS, Integer.toString(c.taskManager().slots()),
        "spec.taskManager.slots, else " + ConfigKeys.SLOTS + ", else one slot per CPU core");
    if (c.isApplication()) {
      // Keep the JobManager up after the job stops, so the controller can read the savepoint an
      // upgrade stopped it with; and report a failing main() as a failed job, not a vanished cluster.
      b.defaults(Map.of("execution.shutdown-on-application-finish", "false",
          "execution.submit-failed-job-on-application-error", "true"));
      b.spec(ConfigKeys.PARALLELISM, Integer.toString(c.job().parallelism()),
          c.job().pinned() ? "from the job spec" : "TaskManager replicas x slots");
      scheduler(b, c.job().rescale(), c.version());
    }
    if (!JvmOptions.imageRunsJava8(c.image())) {
      String key = JvmOptions.keyFor(c.version());
      String user = c.flinkConfiguration().get(ConfigKeys.canonical(key));
      String openings = JvmOptions.moduleOpenings();
      if (user == null) {
        b.spec(key, openings, "module openings Flink needs on Java 11+");
      } else if (key.equals(JvmOptions.OPTS_KEY)) {
        b.spec(key, openings + " " + user, "module openings Flink needs on Java 11+, then the given options");
      }
    }
  }

  private static void kubernetesHa(Builder b, ResolvedCluster c) {
    b.spec(ConfigKeys.HA_TYPE, "kubernetes", "jobManager.replicas > 1");
    b.spec("kubernetes.cluster-id", ResourceNames.haClusterId(c.name()), "names Flink's HA ConfigMaps");
    if (!c.flinkConfiguration().containsKey(ConfigKeys.HA_STORAGE_DIR)) {
      String checkpoints = c.flinkConfiguration().get(ConfigKeys.CHECKPOINT_DIR);
      if (checkpoints == null) {
        b.problem(Finding.error("ha-storage-required", "spec.flinkConfiguration." + ConfigKeys.HA_STORAGE_DIR,
            "jobManager.replicas > 1 turns on high availability, which needs durable storage for JobManager metadata",
            "set " + ConfigKeys.HA_STORAGE_DIR + " or " + ConfigKeys.CHECKPOINT_DIR + " to an s3://, hdfs:// or shared path"));
      } else {
        String derived = haDirFrom(checkpoints);
        b.spec(ConfigKeys.HA_STORAGE_DIR, derived, "derived from " + ConfigKeys.CHECKPOINT_DIR
            + " because " + ConfigKeys.HA_STORAGE_DIR + " is not set");
      }
    }
  }

  /** The checkpoint directory without its query string, plus "/ha". */
  static String haDirFrom(String checkpointDir) {
    String dir = checkpointDir.contains("?") ? checkpointDir.substring(0, checkpointDir.indexOf('?')) : checkpointDir;
    while (dir.endsWith("/") && !dir.endsWith("//")) {
      dir = dir.substring(0, dir.length() - 1);
    }
    return dir + "/ha";
  }

  /** Collects entries under the version's key names and remembers which ones the model decided. */
  static final class Builder {
    private final FlinkVersion version;
    private final SortedMap<String, String> entries = new TreeMap<>();
    private final List<Finding> notes = new ArrayList<>();
    private final java.util.Set<String> userKeys = new java.util.HashSet<>();

    Builder(FlinkVersion version) {
      this.version = version;
    }

    /** Values the user's keys may override, whichever is added first. */
    Builder defaults(Map<String, String> values) {
      values.forEach((k, v) -> entries.putIfAbsent(ConfigKeys.forVersion(k, version), v));
      return this;
    }

    Builder user(Map<String, String> values) {
      values.forEach((k, v) -> {
        entries.put(ConfigKeys.forVersion(k, version), v);
        userKeys.add(ConfigKeys.forVersion(k, version));
      });
      return this;
    }

    /** A value the spec decides; noted when it replaces something the user wrote. */
    Builder spec(String key, String value, String why) {
      String name = ConfigKeys.forVersion(key, version);
      String before = entries.put(name, value);
      if (before != null && !before.equals(value)) {
        notes.add(Finding.info("config-overridden", "spec.flinkConfiguration." + name,
            "set to '" + value + "' (" + why + "), not '" + before + "'"));
      } else if (before == null && why.startsWith("derived")) {
        notes.add(Finding.info("config-derived", "spec.flinkConfiguration." + name, value + " — " + why));
      }
      return this;
    }

    /** A value a local run must use; noted when it replaces the user's. */
    Builder local(String key, String value) {
      String name = ConfigKeys.forVersion(key, version);
      String before = entries.put(name, value);
      if (before != null && !before.equals(value) && userKeys.contains(name)) {
        notes.add(Finding.info("config-local", "spec.flinkConfiguration." + name,
            "'" + before + "' replaced by '" + value + "' for the local run"));
      }
      return this;
    }

    Builder problem(Finding f) {
      notes.add(f);
      return this;
    }

    EffectiveConfig build() {
      return new EffectiveConfig(entries, List.copyOf(notes));
    }
  }

  /** The scheduler that lets capacity changes rescale the running job in place. */
  private static void scheduler(Builder b, RescaleMode mode, FlinkVersion version) {
    if (mode == RescaleMode.IN_PLACE) {
      b.spec(RescaleModes.SCHEDULER, "adaptive", "job.rescaleMode in-place: rescale through the resource-requirements API");
    } else if (mode == RescaleMode.REACTIVE) {
      b.spec(RescaleModes.SCHEDULER_MODE, "reactive", "job.rescaleMode reactive: the job uses every slot");
    }
    if (mode != RescaleMode.SAVEPOINT && version.atLeast(FlinkVersion.V1_19)) {
      b.defaults(Map.of(RescaleModes.COOLDOWN, RescaleModes.COOLDOWN_DEFAULT));
    }
  }
}
