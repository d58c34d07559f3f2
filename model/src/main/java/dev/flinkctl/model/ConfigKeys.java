package dev.flinkctl.model;

import dev.flinkctl.api.FlinkVersion;
import java.util.List;

/**
 * Flink configuration keys that were renamed, and which name a given Flink version should read.
 * Users keep writing the names from articles (the seeds use {@code state.checkpoints.dir}); the
 * rendered file uses the name the target version documents, which 2.x's nested YAML needs anyway.
 */
public final class ConfigKeys {
  public static final String CHECKPOINT_DIR = "state.checkpoints.dir";
  public static final String SAVEPOINT_DIR = "state.savepoints.dir";
  public static final String HA_TYPE = "high-availability.type";
  public static final String HA_STORAGE_DIR = "high-availability.storageDir";
  public static final String HA_CLUSTER_ID = "high-availability.cluster-id";
  public static final String SLOTS = "taskmanager.numberOfTaskSlots";
  public static final String PARALLELISM = "parallelism.default";
  public static final String TM_PROCESS_SIZE = "taskmanager.memory.process.size";
  public static final String JM_PROCESS_SIZE = "jobmanager.memory.process.size";
  public static final String JM_RPC_PORT = "jobmanager.rpc.port";
  public static final String BLOB_PORT = "blob.server.port";
  public static final String REST_PORT = "rest.port";
  public static final String TM_RPC_PORT = "taskmanager.rpc.port";
  public static final String PROM_PORT = "metrics.reporter.prom.port";

  /** A rename: versions from {@code since} on document {@code newKey}. */
  public record Rename(String oldKey, String newKey, FlinkVersion since) {}

  public static final List<Rename> RENAMES = List.of(
      new Rename("state.backend", "state.backend.type", FlinkVersion.V1_18),
      new Rename("high-availability", HA_TYPE, FlinkVersion.V1_18),
      new Rename("restart-strategy", "restart-strategy.type", FlinkVersion.V1_18),
      new Rename("env.java.opts", "env.java.opts.all", FlinkVersion.V1_18),
      new Rename(CHECKPOINT_DIR, "execution.checkpointing.dir", FlinkVersion.V1_20),
      new Rename(SAVEPOINT_DIR, "execution.checkpointing.savepoint-dir", FlinkVersion.V1_20),
      new Rename("execution.savepoint.path", "execution.state-recovery.path", FlinkVersion.V1_20),
      new Rename("execution.savepoint.ignore-unclaimed-state",
          "execution.state-recovery.ignore-unclaimed-state", FlinkVersion.V1_20),
      new Rename(RescaleModes.COOLDOWN, "jobmanager.adaptive-scheduler.executing.cooldown-after-rescaling",
          FlinkVersion.V2_0),
      new Rename("jobmanager.adaptive-scheduler.scaling-interval.max",
          "jobmanager.adaptive-scheduler.executing.resource-stabilization-timeout", FlinkVersion.V2_0));

  private ConfigKeys() {}

  /** The name {@code version} reads for {@code key}, whichever of its names the user wrote. */
  public static String forVersion(String key, FlinkVersion version) {
    for (Rename r : RENAMES) {
      if (r.oldKey().equals(key) || r.newKey().equals(key)) {
        return version.atLeast(r.since()) ? r.newKey() : r.oldKey();
      }
    }
    return key;
  }

  /** The oldest name of a key; the model looks keys up by it so both spellings are found. */
  public static String canonical(String key) {
    for (Rename r : RENAMES) {
      if (r.newKey().equals(key)) {
        return r.oldKey();
      }
    }
    return key;
  }
}
