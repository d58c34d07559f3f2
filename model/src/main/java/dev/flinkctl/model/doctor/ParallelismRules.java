package dev.flinkctl.model.doctor;

import dev.flinkctl.api.UpgradeMode;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.CpuAmounts;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.ResolvedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/** Slots against CPU, parallelism against the slots there are, and max parallelism. */
final class ParallelismRules {
  static final String MAX_PARALLELISM = "pipeline.max-parallelism";
  static final int MAX_PARALLELISM_BOUND = KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM;

  private ParallelismRules() {}

  static List<Finding> check(RuleContext ctx) {
    List<Finding> findings = new ArrayList<>();
    slotsAgainstCpu(ctx).ifPresent(findings::add);
    parallelismAgainstSlots(ctx).ifPresent(findings::add);
    maxParallelism(ctx).ifPresent(findings::add);
    return findings;
  }

  /** Seed article 1: 4 slots on 2 cores drove backpressure to 0.9; one slot per core fixed it. */
  private static Optional<Finding> slotsAgainstCpu(RuleContext ctx) {
    ResolvedCluster.TaskManager tm = ctx.cluster().taskManager();
    long wholeCores = Math.max(1, tm.cpuMillis() / 1000);
    if (tm.slots() <= wholeCores) {
      return Optional.empty();
    }
    String field = ctx.isSet(ConfigKeys.SLOTS) ? ctx.field(ConfigKeys.SLOTS) : "spec.taskManager.slots";
    return Optional.of(Rule.SLOTS_EXCEED_CPU.at(field,
        tm.slots() + " slots share " + CpuAmounts.kubernetes(tm.cpuMillis()) + " CPU: slots isolate memory, not CPU,"
            + " so their tasks compete for cores and back-pressure builds",
        "give each slot a core: set the slots to " + wholeCores + " or spec.taskManager.resources.cpu to "
            + tm.slots()));
  }

  private static Optional<Finding> parallelismAgainstSlots(RuleContext ctx) {
    ResolvedCluster c = ctx.cluster();
    Optional<Integer> parallelism = ctx.parallelism();
    int slots = c.totalSlots();
    // Reactive mode takes whatever slots there are; zero TaskManagers is a cluster scaled down on purpose.
    if (parallelism.isEmpty() || ctx.reactive() || c.taskManager().replicas() == 0) {
      return Optional.empty();
    }
    String field = c.isApplication() && c.job().spec().parallelism() != null ? "spec.job.parallelism"
        : ctx.field(ConfigKeys.PARALLELISM);
    int p = parallelism.get();
    String have = c.taskManager().replicas() + " TaskManagers x " + c.taskManager().slots() + " slots = " + slots;
    if (p > slots) {
      return Optional.of(Rule.PARALLELISM_EXCEEDS_SLOTS.at(field,
          "parallelism " + p + " needs " + p + " slots but the cluster has " + have
              + "; the job waits for slots and fails when the slot request times out",
          "lower the parallelism to " + slots + " or add TaskManagers: " + ceilDiv(p, c.taskManager().slots())
              + " replicas give enough slots"));
    }
    if (c.isApplication() && c.job().pinned() && p < slots) {
      return Optional.of(Rule.PARALLELISM_IDLE_SLOTS.at(field,
          "parallelism " + p + " uses " + p + " of " + have + " slots; the others stay idle (seed article 1:"
              + " TaskManagers added without raising the parallelism are not used)",
          "set the parallelism to " + slots + ", or remove it so that it follows replicas x slots"));
    }
    return Optional.empty();
  }

  private static Optional<Finding> maxParallelism(RuleContext ctx) {
    Optional<Integer> max = ctx.integer(MAX_PARALLELISM);
    Optional<Integer> parallelism = ctx.parallelism();
    if (max.isPresent()) {
      int m = max.get();
      if (m < 1 || m > MAX_PARALLELISM_BOUND) {
        return Optional.of(Rule.MAX_PARALLELISM_INVALID.at(ctx.field(MAX_PARALLELISM),
            "max parallelism " + m + " is outside Flink's range 1.." + MAX_PARALLELISM_BOUND + "; the job is refused",
            "choose a value between 1 and " + MAX_PARALLELISM_BOUND + ", e.g. 128 or 720"));
      }
      if (parallelism.isPresent() && parallelism.get() > m) {
        return Optional.of(Rule.MAX_PARALLELISM_INVALID.at(ctx.field(MAX_PARALLELISM),
            "max parallelism " + m + " is below the parallelism " + parallelism.get()
                + "; Flink refuses to run the job (parallelism is capped by the number of key groups)",
            "raise " + MAX_PARALLELISM + " to at least " + parallelism.get()
                + " (it cannot change later without losing keyed state), or lower the parallelism"));
      }
      return Optional.empty();
    }
    ResolvedCluster c = ctx.cluster();
    if (c.isApplication() && !ctx.batch() && c.job().spec().upgradeMode() != UpgradeMode.STATELESS) {
      int p = c.job().parallelism();
      return Optional.of(Rule.MAX_PARALLELISM_UNSET.at(ctx.field(MAX_PARALLELISM),
          "max parallelism is not set, so Flink derives it from the parallelism (" + KeyGroupRangeAssignment.computeDefaultMaxParallelism(p)
              + " for " + p + "); it fixes how keyed state is split and a savepoint cannot be restored with another",
          "set " + MAX_PARALLELISM + " to the most the job will ever scale to, e.g. \"" + Math.max(128, 4 * p) + "\""));
    }
    return Optional.empty();
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
