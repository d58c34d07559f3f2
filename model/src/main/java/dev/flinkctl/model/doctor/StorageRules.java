package dev.flinkctl.model.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flinkctl.api.UpgradeMode;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.ResolvedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where state goes on Kubernetes. A pod's own disk (the container file system, emptyDir, hostPath)
 * is gone or out of reach once the pod moves, so checkpoints, savepoints and HA metadata must be
 * on shared storage whenever recovery depends on them. Seed article 2 keeps them on hostPath.
 */
final class StorageRules {
  // Volume types every pod mounts as the same storage, wherever it runs.
  private static final List<String> SHARED_VOLUMES = List.of("persistentVolumeClaim", "nfs", "csi", "cephfs",
      "glusterfs", "azureFile");

  private StorageRules() {}

  static List<Finding> check(RuleContext ctx) {
    List<Finding> findings = new ArrayList<>();
    checkpoints(ctx).ifPresent(findings::add);
    haStorage(ctx).ifPresent(findings::add);
    savepoints(ctx).ifPresent(findings::add);
    return findings;
  }

  private static Optional<Finding> checkpoints(RuleContext ctx) {
    ResolvedCluster c = ctx.cluster();
    String dir = ctx.user(ConfigKeys.CHECKPOINT_DIR);
    String field = ctx.field(ConfigKeys.CHECKPOINT_DIR);
    boolean lastState = c.isApplication() && c.job().spec().upgradeMode() == UpgradeMode.LAST_STATE;
    if (dir == null) {
      if (lastState) {
        return Optional.of(Rule.CHECKPOINT_DIR_REQUIRED.at(field,
            "upgradeMode last-state restarts the job from its latest checkpoint, and without a checkpoint directory"
                + " checkpoints live in JobManager memory, gone with the JobManager pod",
            "set " + ConfigKeys.forVersion(ConfigKeys.CHECKPOINT_DIR, ctx.version()) + " to durable storage, e.g."
                + " s3://bucket/checkpoints"));
      }
      if (ctx.isSet(CheckpointRules.INTERVAL)) {
        return Optional.of(Rule.CHECKPOINT_DIR_MISSING.at(field,
            "checkpoints are taken but kept in JobManager memory (at most a few MB of state), and are lost when"
                + " the JobManager pod restarts",
            "set " + ConfigKeys.forVersion(ConfigKeys.CHECKPOINT_DIR, ctx.version()) + " to durable storage, e.g."
                + " s3://bucket/checkpoints"));
      }
      return Optional.empty();
    }
    if (durable(ctx, dir, true)) {
      return Optional.empty();
    }
    String why = c.highAvailability() ? "high availability recovers jobs from these checkpoints"
        : lastState ? "upgradeMode last-state restarts the job from these checkpoints" : null;
    String problem = "'" + dir + "' is on each pod's own disk: every TaskManager writes its part of a checkpoint"
        + " where the JobManager cannot read it, and all of it is gone when the pods are replaced";
    String fix = "use shared storage (s3://, hdfs://, gs://), or mount one persistentVolumeClaim at that path in"
        + " both pod templates";
    return Optional.of(why != null ? Rule.CHECKPOINT_DIR_NOT_DURABLE.at(field, problem + "; " + why, fix)
        : Rule.CHECKPOINT_DIR_POD_LOCAL.at(field, problem, fix));
  }

  private static Optional<Finding> haStorage(RuleContext ctx) {
    String dir = ctx.user(ConfigKeys.HA_STORAGE_DIR);
    // A derived HA directory sits under the checkpoint directory, which the rule above already judges.
    if (!ctx.cluster().highAvailability() || dir == null || durable(ctx, dir, false)) {
      return Optional.empty();
    }
    return Optional.of(Rule.HA_STORAGE_NOT_DURABLE.at(ctx.field(ConfigKeys.HA_STORAGE_DIR),
        "'" + dir + "' is on the JobManager pod's own disk: a standby JobManager that takes over cannot read the"
            + " job graphs and checkpoint pointers the old leader stored there",
        "use shared storage (s3://, hdfs://, gs://), or mount one persistentVolumeClaim there in the JobManager"
            + " template"));
  }

  /** Savepoint upgrades stop the job with a savepoint; on Kubernetes it defaults to CHECKPOINT_DIR/savepoints. */
  private static Optional<Finding> savepoints(RuleContext ctx) {
    ResolvedCluster c = ctx.cluster();
    if (!c.isApplication() || c.job().spec().upgradeMode() != UpgradeMode.SAVEPOINT) {
      return Optional.empty();
    }
    String dir = ctx.user(ConfigKeys.SAVEPOINT_DIR);
    String field = ctx.field(ConfigKeys.SAVEPOINT_DIR);
    String key = ConfigKeys.forVersion(ConfigKeys.SAVEPOINT_DIR, ctx.version());
    if (dir == null && ctx.user(ConfigKeys.CHECKPOINT_DIR) == null) {
      return Optional.of(Rule.SAVEPOINT_DIR_MISSING.at(field,
          "upgradeMode savepoint (the default) stops the job with a savepoint, but there is no savepoint directory"
              + " and no checkpoint directory to put one next to, so an upgrade cannot take it",
          "set " + key + " to durable storage, e.g. s3://bucket/savepoints, or use upgradeMode stateless"));
    }
    String used = dir != null ? dir : ctx.user(ConfigKeys.CHECKPOINT_DIR);
    if (dir != null && !durable(ctx, used, true)) {
      return Optional.of(Rule.SAVEPOINT_DIR_MISSING.at(field,
          "upgradeMode savepoint writes the savepoint to '" + used + "', each pod's own disk, where the new"
              + " JobManager cannot read it", "set " + key + " to shared storage, e.g. s3://bucket/savepoints"));
    }
    return Optional.empty();
  }

  /** Shared file systems, or a local path under a shared volume mounted in the pods that use it. */
  static boolean durable(RuleContext ctx, String uri, boolean taskManagersToo) {
    String path = localPath(uri);
    if (path == null) {
      return true;
    }
    ResolvedCluster c = ctx.cluster();
    return sharedMount(c.jobManager().template(), "jobmanager", path)
        && (!taskManagersToo || sharedMount(c.taskManager().template(), "taskmanager", path));
  }

  /** The path of a file:// URI or a plain path; null for any other scheme. */
  static String localPath(String uri) {
    String u = uri.trim();
    if (u.startsWith("file://")) {
      return u.substring("file://".length());
    }
    if (u.startsWith("file:")) {
      return u.substring("file:".length());
    }
    return u.startsWith("/") ? u : u.contains(":") ? null : u;
  }

  private static boolean sharedMount(JsonNode template, String container, String path) {
    if (template == null) {
      return false;
    }
    JsonNode spec = template.path("spec");
    for (JsonNode c : spec.path("containers")) {
      if (!container.equals(c.path("name").asText())) {
        continue;
      }
      for (JsonNode mount : c.path("volumeMounts")) {
        String at = mount.path("mountPath").asText("");
        if (!at.isEmpty() && (path.equals(at) || path.startsWith(at.endsWith("/") ? at : at + "/"))
            && sharedVolume(spec, mount.path("name").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean sharedVolume(JsonNode podSpec, String name) {
    for (JsonNode v : podSpec.path("volumes")) {
      if (name.equals(v.path("name").asText())) {
        return SHARED_VOLUMES.stream().anyMatch(v::has);
      }
    }
    return false;
  }
}
