package dev.flinkctl.control;

import dev.flinkctl.api.RescaleMode;
import dev.flinkctl.model.ResolvedCluster;

/**
 * The parallelism a job should run at for the TaskManagers asked for, and why: replicas × slots,
 * capped by a pinned parallelism and by max parallelism. The seed's pitfall was TaskManagers the
 * job never used; this is the number that keeps them busy.
 */
record ParallelismTarget(int parallelism, String reason) {
  static final String MAX_PARALLELISM = "pipeline.max-parallelism";

  static ParallelismTarget of(ResolvedCluster c) {
    int perTm = c.taskManager().slots();
    int replicas = c.taskManager().replicas();
    int slots = replicas * perTm;
    String reason = replicas + " TaskManagers x " + perTm + " slots = " + slots;
    int p = Math.max(1, slots);
    RescaleMode mode = c.job().rescale();
    if (c.job().pinned() && mode == RescaleMode.SAVEPOINT) {
      return new ParallelismTarget(c.job().parallelism(), "pinned at " + c.job().parallelism()
          + " by spec.job.parallelism or parallelism.default; with rescaleMode savepoint only the TaskManagers change");
    }
    if (c.job().pinned() && mode == RescaleMode.IN_PLACE && c.job().parallelism() < p) {
      p = c.job().parallelism();
      reason += ", capped at the pinned parallelism " + p + " (spec.job.parallelism or parallelism.default)";
    }
    Integer max = intOrNull(c.flinkConfiguration().get(MAX_PARALLELISM));
    if (max != null && max > 0 && p > max) {
      p = max;
      reason += ", capped at " + MAX_PARALLELISM + " " + max;
    }
    return new ParallelismTarget(p, reason);
  }

  private static Integer intOrNull(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
