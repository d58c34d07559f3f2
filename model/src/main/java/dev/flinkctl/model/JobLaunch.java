package dev.flinkctl.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the next run of an application cluster's job starts: its job id and the savepoint or
 * checkpoint it restores from. The control loop decides these and records them in status before
 * acting; a plain render uses {@link #initial}.
 *
 * @param jobId fixed, so that a retried submission or a restarted JobManager never makes a second job
 * @param restorePath savepoint or checkpoint to start from, or null
 */
public record JobLaunch(String jobId, String restorePath, boolean allowNonRestoredState) {

  /** The first run: a job id derived from the resource, the spec's initial savepoint. */
  public static JobLaunch initial(ResolvedCluster c) {
    return new JobLaunch(jobId(c.namespace(), c.name(), 0), c.job().spec().initialSavepointPath(),
        Boolean.TRUE.equals(c.job().spec().allowNonRestoredState()));
  }

  /**
   * A Flink job id (32 hex digits) derived from the resource and a run number: the same inputs
   * always give the same id, a new run (an upgrade) a new one, so HA never revives the old job graph.
   */
  public static String jobId(String namespace, String name, long run) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("flinkctl/" + (namespace == null ? "" : namespace) + "/" + name + "/" + run)
              .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
