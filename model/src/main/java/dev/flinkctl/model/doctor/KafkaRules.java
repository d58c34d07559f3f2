package dev.flinkctl.model.doctor;

import dev.flinkctl.model.Finding;
import java.util.List;
import java.util.Optional;

/**
 * Parallelism against the Kafka source's partitions (seed article 1: with 8 partitions choose a
 * parallelism that fits 8). The partition count lives outside the spec, so the user states it in
 * an annotation on the FlinkCluster: an annotation needs no CRD change, is ignored by everything
 * else, and can be written by whatever creates the topic.
 */
final class KafkaRules {
  /** Partitions of the job's Kafka source topic, e.g. "8". */
  public static final String PARTITIONS_ANNOTATION = "flink.apache.org/kafka-partitions";
  static final String FIELD = "metadata.annotations[" + PARTITIONS_ANNOTATION + "]";

  private KafkaRules() {}

  static List<Finding> check(RuleContext ctx) {
    String given = ctx.annotations().get(PARTITIONS_ANNOTATION);
    if (given == null) {
      return List.of();
    }
    int partitions;
    try {
      partitions = Integer.parseInt(given.trim());
    } catch (NumberFormatException e) {
      partitions = 0;
    }
    if (partitions < 1) {
      return List.of(Rule.KAFKA_PARTITIONS_ANNOTATION.at(FIELD, "'" + given + "' is not a partition count",
          "write the number of partitions of the source topic, e.g. \"8\""));
    }
    Optional<Integer> parallelism = ctx.parallelism();
    if (parallelism.isEmpty()) {
      return List.of();
    }
    int p = parallelism.get();
    if (p > partitions) {
      return List.of(Rule.KAFKA_PARALLELISM_EXCEEDS_PARTITIONS.at(FIELD,
          "parallelism " + p + " is above the " + partitions + " partitions: " + (p - partitions)
              + " source subtasks get no partition and sit idle",
          "use a parallelism of " + partitions + " or a divisor of it (" + divisors(partitions)
              + "), or add partitions to the topic"));
    }
    if (partitions % p != 0) {
      return List.of(Rule.KAFKA_PARTITIONS_UNEVEN.at(FIELD,
          partitions + " partitions do not split evenly over parallelism " + p + ": some subtasks read "
              + (partitions / p + 1) + " partitions, others " + (partitions / p) + ", and the slowest sets the pace",
          "use a parallelism that divides " + partitions + ": " + divisors(partitions)));
    }
    return List.of();
  }

  private static String divisors(int n) {
    StringBuilder sb = new StringBuilder();
    for (int d = 1; d <= n; d++) {
      if (n % d == 0) {
        sb.append(sb.isEmpty() ? "" : ", ").append(d);
      }
    }
    return sb.toString();
  }
}
