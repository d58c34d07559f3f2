package dev.flinkctl.model.doctor;

import java.util.List;

/**
 * How Flink splits one JobManager's or TaskManager's process memory, as its startup scripts
 * compute it, and the JVM limits that follow.
 *
 * @param component "JobManager" or "TaskManager"
 * @param parts in Flink's order: heap parts, off-heap parts, metaspace, overhead
 * @param directLimited whether the JVM gets -XX:MaxDirectMemorySize: always for TaskManagers, for
 *     JobManagers only with jobmanager.memory.enable-jvm-direct-memory-limit
 */
public record MemoryBreakdown(String component, List<Part> parts, long heapBytes, long directBytes,
    long metaspaceBytes, long flinkBytes, long processBytes, boolean directLimited) {

  private static final long MIB = 1024 * 1024;

  /** @param key the option that sizes it, for the user who wants to change it */
  public record Part(String name, String key, long bytes) {}

  public MemoryBreakdown {
    parts = List.copyOf(parts);
  }

  public long bytes(String name) {
    return parts.stream().filter(p -> p.name().equals(name)).mapToLong(Part::bytes).findFirst().orElse(0);
  }

  /** The JVM options Flink starts the process with. */
  public String jvmOptions() {
    return "-Xmx" + heapBytes + " -Xms" + heapBytes + (directLimited ? " -XX:MaxDirectMemorySize=" + directBytes : "")
        + " -XX:MaxMetaspaceSize=" + metaspaceBytes;
  }

  /** Mebibytes with one decimal where needed, as a person reads them: 1177.5m, 256m. */
  public static String mebibytes(long bytes) {
    long tenths = Math.round(bytes * 10.0 / MIB);
    return (tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10) + "m";
  }
}
