package dev.flinkctl.model.doctor;

import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.util.TimeUtils;

/** Checkpoint timing and the S3 paths they go to (seed article 1, "the art of checkpoints"). */
final class CheckpointRules {
  static final String INTERVAL = "execution.checkpointing.interval";
  static final String TIMEOUT = "execution.checkpointing.timeout";
  static final String MAX_CONCURRENT = "execution.checkpointing.max-concurrent-checkpoints";
  // Flink's default for execution.checkpointing.timeout.
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  /** Keys whose value is a path a file system plugin opens. */
  static final List<String> PATH_KEYS = List.of(ConfigKeys.CHECKPOINT_DIR, ConfigKeys.SAVEPOINT_DIR,
      ConfigKeys.HA_STORAGE_DIR, "state.changelog.dstl.dfs.base-path", "execution.savepoint.path");

  private CheckpointRules() {}

  static List<Finding> check(RuleContext ctx) {
    List<Finding> findings = new ArrayList<>();
    intervalMissing(ctx).ifPresent(findings::add);
    timeout(ctx).ifPresent(findings::add);
    concurrency(ctx).ifPresent(findings::add);
    for (String key : PATH_KEYS) {
      s3Query(ctx, key).ifPresent(findings::add);
    }
    return findings;
  }

  /** Seed article 1: without checkpoints a restarted job loses its state. */
  private static Optional<Finding> intervalMissing(RuleContext ctx) {
    if (!ctx.cluster().isApplication() || ctx.batch() || ctx.isSet(INTERVAL)) {
      return Optional.empty();
    }
    return Optional.of(Rule.CHECKPOINT_INTERVAL_MISSING.at("spec.flinkConfiguration." + INTERVAL,
        "the streaming job does not checkpoint unless its code turns it on, so a restart loses its state and"
            + " last-state upgrades have nothing to restart from",
        "set " + INTERVAL + ", e.g. \"5min\""));
  }

  /** Seed article 1: the timeout should be at least 3x the interval so a slow checkpoint is not failed. */
  private static Optional<Finding> timeout(RuleContext ctx) {
    Optional<Duration> interval = ctx.duration(INTERVAL);
    if (interval.isEmpty() || interval.get().isZero()) {
      return Optional.empty();
    }
    Duration timeout = ctx.duration(TIMEOUT).orElse(DEFAULT_TIMEOUT);
    Duration wanted = interval.get().multipliedBy(3);
    if (timeout.compareTo(wanted) >= 0) {
      return Optional.empty();
    }
    String field = ctx.isSet(TIMEOUT) ? ctx.field(TIMEOUT) : "spec.flinkConfiguration." + TIMEOUT;
    return Optional.of(Rule.CHECKPOINT_TIMEOUT_SHORT.at(field,
        "checkpoint timeout " + TimeUtils.formatWithHighestUnit(timeout) + (ctx.isSet(TIMEOUT) ? "" : " (Flink's default)")
            + " is less than 3x the interval " + TimeUtils.formatWithHighestUnit(interval.get())
            + ": a checkpoint slowed by the network or a large state is failed instead of completing",
        "set " + TIMEOUT + " to at least \"" + TimeUtils.formatWithHighestUnit(wanted) + "\""));
  }

  /** Seed article 1: one checkpoint at a time avoids contention; large state may use 2. */
  private static Optional<Finding> concurrency(RuleContext ctx) {
    Optional<Integer> n = ctx.integer(MAX_CONCURRENT);
    if (n.isEmpty() || n.get() <= 2) {
      return Optional.empty();
    }
    return Optional.of(Rule.CHECKPOINT_CONCURRENCY.at(ctx.field(MAX_CONCURRENT),
        n.get() + " concurrent checkpoints compete for the same disks, network and state-backend threads,"
            + " which slows each of them down",
        "use 1, or 2 for jobs with large state"));
  }

  /**
   * Seed article 1 adds ?partSize= to the checkpoint URI. Flink's Path takes a query string as part
   * of the directory name and no S3 plugin reads it; part sizes are configuration keys.
   */
  private static Optional<Finding> s3Query(RuleContext ctx, String key) {
    String value = ctx.user(key);
    if (value == null || !value.contains("?") || !value.matches("(?i)^s3[an]?p?://.*")) {
      return Optional.empty();
    }
    String query = value.substring(value.indexOf('?') + 1);
    String dir = value.substring(0, value.indexOf('?'));
    return Optional.of(Rule.S3_QUERY_STRING.at(ctx.field(key),
        "'?" + query + "' is not an S3 option: Flink keeps it as part of the directory name, so files go under '"
            + dir.substring(dir.lastIndexOf('/') + 1) + "?" + query + "' and no S3 file system reads it",
        "write " + ConfigKeys.forVersion(key, ctx.version()) + ": \"" + dir + "\" and set the part size as a key:"
            + " s3.multipart.size" + partSize(query) + " (flink-s3-fs-hadoop, passed on as fs.s3a.multipart.size) or"
            + " s3.multipart.min-part-size (flink-s3-fs-presto); s3.upload.min.part.size only sizes the"
            + " parts of the FileSink's exactly-once writer"));
  }

  private static String partSize(String query) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(?:^|&)part-?size=(\\d+)").matcher(query);
    return m.find() ? ": \"" + m.group(1) + "\"" : "";
  }
}
