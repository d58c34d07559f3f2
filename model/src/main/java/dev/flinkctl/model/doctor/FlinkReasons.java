package dev.flinkctl.model.doctor;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink's memory errors in plain words. Flink's own sentence is kept (it names the sizes it
 * computed), with sizes written once and in mebibytes, behind one sentence saying what it means.
 */
final class FlinkReasons {
  // "128.000mb (134217728 bytes)" and "0 bytes": Flink prints each size twice, rounded and exact.
  private static final Pattern SIZE = Pattern.compile("\\d+(?:\\.\\d+)?(?:kb|mb|gb|tb)? \\((\\d+) bytes\\)|(\\d+) bytes");
  private static final Pattern PREFIX = Pattern.compile("^(TaskManager|JobManager) memory configuration failed: ");

  private record Meaning(String contains, String plain) {}

  private static final List<Meaning> MEANINGS = List.of(
      new Meaning("exceed configured Total Flink Memory",
          "the parts Flink sizes first (framework heap and off-heap, task off-heap, managed and network memory) "
              + "do not fit into the total Flink memory, which is the process size minus JVM metaspace and JVM overhead"),
      new Meaning("is not in configured JVM Overhead range",
          "with both the process size and the total Flink memory given, the JVM overhead is what is left "
              + "(process - Flink memory - metaspace), and that must lie within the overhead's min and max"),
      new Meaning("Sum of configured JVM Metaspace",
          "JVM metaspace and JVM overhead alone take more than the whole process"),
      new Meaning("less than the sum of the derived Total Flink Memory",
          "the process is smaller than its total Flink memory plus JVM metaspace"),
      new Meaning("do not add up to the configured Total Flink Memory",
          "the memory parts set explicitly must add up exactly to the total Flink memory set"),
      new Meaning("do not add up to the configured Total Process Memory",
          "the memory parts set explicitly must add up exactly to the process size"),
      new Meaning("is not in configured Network Memory range",
          "the network memory left over by the explicit sizes lies outside taskmanager.memory.network.min/max"),
      new Meaning("fraction must be in range [0, 1)", "a memory fraction must be at least 0 and less than 1"),
      new Meaning("min value must be less or equal to max value", "a memory range has its min above its max"),
      new Meaning("Inconsistently configured", "a memory fraction and its min/max do not fit together"),
      new Meaning("Could not parse value", "a memory setting is not a size Flink can read (e.g. 512m, 1g)"),
      new Meaning("Cannot read memory size", "a memory setting is not a size Flink can read (e.g. 512m, 1g)"),
      new Meaning("exceeds the configured Total Flink Memory",
          "the JVM heap set is larger than the total Flink memory set"),
      new Meaning("does not match the configured Total Flink Memory",
          "JVM heap plus off-heap memory must add up exactly to the total Flink memory set"),
      new Meaning("is less than the configured Off-heap Memory",
          "the total Flink memory is smaller than the off-heap memory it must hold"),
      new Meaning("positive number of CPU cores", "taskmanager.cpu.cores must be above 0"));

  private FlinkReasons() {}

  /** "what it means — Flink: its sentence with readable sizes". */
  static String plain(String flinkMessage) {
    String flink = readableSizes(PREFIX.matcher(flinkMessage).replaceFirst(""));
    String meaning = MEANINGS.stream().filter(m -> flinkMessage.contains(m.contains())).map(Meaning::plain)
        .findFirst().orElse(null);
    return meaning == null ? "Flink says: " + flink : meaning + ". Flink says: " + flink;
  }

  static String readableSizes(String text) {
    Matcher m = SIZE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      long bytes = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
      m.appendReplacement(sb, Matcher.quoteReplacement(MemoryBreakdown.mebibytes(bytes)));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
