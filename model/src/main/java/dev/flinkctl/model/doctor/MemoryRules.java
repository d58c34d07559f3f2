package dev.flinkctl.model.doctor;

import static dev.flinkctl.model.doctor.MemoryBreakdown.mebibytes;

import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * Memory: every combination Flink refuses at startup, said before deploy (seed article 1's
 * "memory configuration is the line between life and death"), and the tuning advice around it.
 */
final class MemoryRules {
  private static final long MIB = 1024 * 1024;
  // Flink accepts up to this in practice; beyond it no fix is suggested.
  private static final long MAX_SEARCH_MIB = 256 * 1024;
  private static final Pattern QUOTED_KEY = Pattern.compile("'((?:taskmanager|jobmanager)\\.[a-z0-9.-]+)'");
  static final long NETWORK_ADVISED_MIB = 128;

  private MemoryRules() {}

  /** One JobManager's or TaskManager's side: where its size comes from and how Flink sizes it. */
  private record Side(String component, String resourcesField, String processKey, String flinkSizeKey, Rule rule,
      BiFunction<Map<String, String>, FlinkVersion, FlinkMemory.Outcome> sizing) {}

  private static final Side TM = new Side("TaskManager", "spec.taskManager.resources.memory", ConfigKeys.TM_PROCESS_SIZE,
      "taskmanager.memory.flink.size", Rule.MEMORY_TASKMANAGER, FlinkMemory::taskManager);
  private static final Side JM = new Side("JobManager", "spec.jobManager.resources.memory", ConfigKeys.JM_PROCESS_SIZE,
      "jobmanager.memory.flink.size", Rule.MEMORY_JOBMANAGER, FlinkMemory::jobManager);

  static List<Finding> check(RuleContext ctx) {
    List<Finding> findings = new ArrayList<>();
    for (Side side : List.of(JM, TM)) {
      FlinkMemory.Outcome outcome = side.sizing().apply(ctx.effective(), ctx.version());
      if (outcome instanceof FlinkMemory.Refused refused) {
        findings.add(refusal(ctx, side, refused.flinkMessage()));
        continue;
      }
      MemoryBreakdown sized = ((FlinkMemory.Sized) outcome).breakdown();
      if (ctx.isSet(side.flinkSizeKey())) {
        findings.add(overheadImplied(ctx, side, sized));
      }
      if (side == TM) {
        rocksDb(ctx, sized).ifPresent(findings::add);
        networkLow(ctx, sized).ifPresent(findings::add);
      }
    }
    return findings;
  }

  static Optional<MemoryBreakdown> taskManager(RuleContext ctx) {
    return FlinkMemory.taskManager(ctx.effective(), ctx.version()) instanceof FlinkMemory.Sized s
        ? Optional.of(s.breakdown()) : Optional.empty();
  }

  static Optional<MemoryBreakdown> jobManager(RuleContext ctx) {
    return FlinkMemory.jobManager(ctx.effective(), ctx.version()) instanceof FlinkMemory.Sized s
        ? Optional.of(s.breakdown()) : Optional.empty();
  }

  private static Finding refusal(RuleContext ctx, Side side, String flinkMessage) {
    Matcher quoted = QUOTED_KEY.matcher(flinkMessage);
    String field = quoted.find() && !quoted.group(1).equals(side.processKey()) ? ctx.field(quoted.group(1))
        : side.resourcesField();
    String message = "Flink would refuse to start the " + side.component() + ": " + FlinkReasons.plain(flinkMessage);
    return side.rule().at(field, message, fix(ctx, side, flinkMessage));
  }

  private static String fix(RuleContext ctx, Side side, String flinkMessage) {
    if (flinkMessage.contains("JVM Overhead range") && ctx.isSet(side.flinkSizeKey())) {
      return overheadWindow(ctx, side);
    }
    long process = MemorySize.parse(ctx.effective().get(side.processKey())).getMebiBytes();
    Optional<Long> least = smallestAccepted(ctx, side, process);
    List<String> keys = ctx.written().keySet().stream()
        .filter(k -> k.startsWith(side.processKey().substring(0, side.processKey().indexOf('.')) + ".memory.")).toList();
    if (least.isPresent()) {
      return "give the " + side.component() + " at least " + least.get() + "m in " + side.resourcesField()
          + " (Flink's minimum with these settings)" + (keys.isEmpty() ? "" : ", or lower " + String.join(", ", keys));
    }
    return keys.isEmpty() ? "raise " + side.resourcesField()
        : "make " + String.join(", ", keys) + " consistent with each other and with " + side.resourcesField()
            + ", or remove them and let Flink derive the parts";
  }

  /** Flink's acceptance only grows with the process size once the other sizes are fixed, so bisect. */
  private static Optional<Long> smallestAccepted(RuleContext ctx, Side side, long currentMiB) {
    if (!accepts(ctx, side, MAX_SEARCH_MIB)) {
      return Optional.empty();
    }
    long low = currentMiB;
    long high = MAX_SEARCH_MIB;
    while (high - low > 1) {
      long mid = (low + high) >>> 1;
      if (accepts(ctx, side, mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return Optional.of(high);
  }

  private static boolean accepts(RuleContext ctx, Side side, long processMiB) {
    SortedMap<String, String> entries = new TreeMap<>(ctx.effective());
    entries.put(side.processKey(), processMiB + "m");
    return side.sizing().apply(entries, ctx.version()) instanceof FlinkMemory.Sized;
  }

  private static String overheadWindow(RuleContext ctx, Side side) {
    boolean tm = side == TM;
    Map<String, String> e = ctx.effective();
    long process = MemorySize.parse(e.get(side.processKey())).getBytes();
    long metaspace = FlinkMemory.get(e, tm ? TaskManagerOptions.JVM_METASPACE : JobManagerOptions.JVM_METASPACE).getBytes();
    long min = FlinkMemory.get(e, tm ? TaskManagerOptions.JVM_OVERHEAD_MIN : JobManagerOptions.JVM_OVERHEAD_MIN).getBytes();
    long max = FlinkMemory.get(e, tm ? TaskManagerOptions.JVM_OVERHEAD_MAX : JobManagerOptions.JVM_OVERHEAD_MAX).getBytes();
    long from = Math.max(0, process - metaspace - max);
    long to = process - metaspace - min;
    return to <= 0 ? "remove " + side.flinkSizeKey() + " and let Flink derive it from " + side.resourcesField()
        : "set " + side.flinkSizeKey() + " between " + mebibytes(roundUp(from)) + " and " + mebibytes(to / MIB * MIB)
            + " for this process size, or remove it and let Flink derive it from " + side.resourcesField();
  }

  private static long roundUp(long bytes) {
    return (bytes + MIB - 1) / MIB * MIB;
  }

  private static Finding overheadImplied(RuleContext ctx, Side side, MemoryBreakdown b) {
    long overhead = b.bytes("JVM overhead");
    String message = side.flinkSizeKey() + " " + mebibytes(b.flinkBytes()) + " with a " + mebibytes(b.processBytes())
        + " process leaves " + mebibytes(b.processBytes()) + " - " + mebibytes(b.flinkBytes()) + " - "
        + mebibytes(b.metaspaceBytes()) + " (metaspace) = " + mebibytes(overhead) + " of JVM overhead, which Flink"
        + " accepts; flink.size is Flink's total memory, not the JVM heap, which gets " + mebibytes(b.heapBytes());
    return Rule.MEMORY_OVERHEAD_IMPLIED.at(ctx.field(side.flinkSizeKey()), message, null);
  }

  /** Seed article 1: let Flink size RocksDB from managed memory rather than by hand, to avoid OOM kills. */
  private static Optional<Finding> rocksDb(RuleContext ctx, MemoryBreakdown tm) {
    String backend = ctx.stateBackend();
    if (!(backend.equals("rocksdb") || backend.contains("rocksdb"))) {
      return Optional.empty();
    }
    boolean fixedPerSlot = ctx.isSet("state.backend.rocksdb.memory.fixed-per-slot");
    if (ctx.bool("state.backend.rocksdb.memory.managed").orElse(true) || fixedPerSlot) {
      return tm.bytes("managed") > 0 ? Optional.empty() : Optional.of(Rule.ROCKSDB_MANAGED_MEMORY_OFF.at(
          ctx.field("taskmanager.memory.managed.fraction"),
          "RocksDB is the state backend but the TaskManager has no managed memory to give it",
          "set taskmanager.memory.managed.fraction above 0 (Flink's default is 0.4)"));
    }
    return Optional.of(Rule.ROCKSDB_MANAGED_MEMORY_OFF.at(ctx.field("state.backend.rocksdb.memory.managed"),
        "RocksDB's memory is not bounded by Flink's managed memory, so RocksDB can grow past the container limit "
            + "and the pod is OOM-killed", "set state.backend.rocksdb.memory.managed: \"true\" (Flink's default)"));
  }

  /** Seed article 1: bursty traffic exhausted network buffers until network.min was raised to 128m. */
  private static Optional<Finding> networkLow(RuleContext ctx, MemoryBreakdown tm) {
    long network = tm.bytes("network");
    if (network >= NETWORK_ADVISED_MIB * MIB) {
      return Optional.empty();
    }
    return Optional.of(Rule.NETWORK_MEMORY_LOW.at(ctx.field("taskmanager.memory.network.min"),
        "each TaskManager gets " + mebibytes(network) + " of network memory; bursty traffic can exhaust the"
            + " network buffers (\"Insufficient number of network buffers\")",
        "set taskmanager.memory.network.min: \"" + NETWORK_ADVISED_MIB + "m\" or give the TaskManager more memory"));
  }
}
