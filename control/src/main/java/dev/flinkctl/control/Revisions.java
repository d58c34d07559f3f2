package dev.flinkctl.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flinkctl.api.FlinkClusterSpec;
import dev.flinkctl.api.JobSpec;
import dev.flinkctl.model.JobLaunch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What needs a redeploy. TaskManager replicas change capacity, not the deployment, so they are
 * left out of the revision; the savepoint trigger and history settings are bookkeeping.
 */
public final class Revisions {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Revisions() {}

  /** Identifies a deployment: the spec that shapes the processes plus how the job starts. */
  public static String of(FlinkClusterSpec spec, JobLaunch launch) {
    StringBuilder sb = new StringBuilder(json(shape(spec)));
    if (launch != null) {
      sb.append('|').append(launch.jobId()).append('|').append(launch.restorePath())
          .append('|').append(launch.allowNonRestoredState());
    }
    return sha(sb.toString());
  }

  /** True when the two specs differ in something that needs the cluster or the job redeployed. */
  public static boolean needsRedeploy(FlinkClusterSpec applied, FlinkClusterSpec desired) {
    return !json(shape(applied)).equals(json(shape(desired)));
  }

  static FlinkClusterSpec shape(FlinkClusterSpec spec) {
    FlinkClusterSpec s = spec;
    if (s.taskManager() != null) {
      s = s.withTaskManager(s.taskManager().withReplicas(null));
    }
    if (s.job() != null) {
      JobSpec j = s.job();
      s = s.withJob(new JobSpec(j.jarURI(), j.entryClass(), j.args(), j.parallelism(), j.upgradeMode(), null,
          j.initialSavepointPath(), j.allowNonRestoredState(), null, null, null, j.rescaleMode()));
    }
    return s;
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException("specs always serialize", e);
    }
  }

  private static String sha(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
