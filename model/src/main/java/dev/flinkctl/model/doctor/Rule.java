package dev.flinkctl.model.doctor;

import dev.flinkctl.model.Finding;
import dev.flinkctl.model.Severity;
import java.util.List;

/**
 * Every check flinkctl doctor runs, with its severity and the section of docs/rules.md that
 * explains it. A rule has one severity, so that a rule id alone tells a reader how bad it is.
 */
public enum Rule {
  MEMORY_TASKMANAGER("memory-taskmanager", Severity.ERROR),
  MEMORY_JOBMANAGER("memory-jobmanager", Severity.ERROR),
  MEMORY_OVERHEAD_IMPLIED("memory-overhead-implied", Severity.INFO),
  ROCKSDB_MANAGED_MEMORY_OFF("rocksdb-managed-memory-off", Severity.WARNING),
  NETWORK_MEMORY_LOW("network-memory-low", Severity.INFO),

  SLOTS_EXCEED_CPU("slots-exceed-cpu", Severity.WARNING),
  PARALLELISM_EXCEEDS_SLOTS("parallelism-exceeds-slots", Severity.WARNING),
  PARALLELISM_IDLE_SLOTS("parallelism-idle-slots", Severity.WARNING),
  MAX_PARALLELISM_INVALID("max-parallelism-invalid", Severity.ERROR),
  MAX_PARALLELISM_UNSET("max-parallelism-unset", Severity.INFO),

  KAFKA_PARTITIONS_ANNOTATION("kafka-partitions-annotation", Severity.ERROR),
  KAFKA_PARALLELISM_EXCEEDS_PARTITIONS("kafka-parallelism-exceeds-partitions", Severity.WARNING),
  KAFKA_PARTITIONS_UNEVEN("kafka-partitions-uneven", Severity.WARNING),

  CHECKPOINT_INTERVAL_MISSING("checkpoint-interval-missing", Severity.WARNING),
  CHECKPOINT_TIMEOUT_SHORT("checkpoint-timeout-short", Severity.WARNING),
  CHECKPOINT_CONCURRENCY("checkpoint-concurrency", Severity.WARNING),
  S3_QUERY_STRING("s3-query-string", Severity.WARNING),

  CHECKPOINT_DIR_REQUIRED("checkpoint-dir-required", Severity.ERROR),
  CHECKPOINT_DIR_MISSING("checkpoint-dir-missing", Severity.WARNING),
  CHECKPOINT_DIR_NOT_DURABLE("checkpoint-dir-not-durable", Severity.ERROR),
  CHECKPOINT_DIR_POD_LOCAL("checkpoint-dir-pod-local", Severity.WARNING),
  HA_STORAGE_NOT_DURABLE("ha-storage-not-durable", Severity.ERROR),
  SAVEPOINT_DIR_MISSING("savepoint-dir-missing", Severity.WARNING),

  HA_KEYS_CONFLICT("ha-keys-conflict", Severity.WARNING),

  SESSION_CLUSTER_PRODUCTION("session-cluster-production", Severity.WARNING),
  REACTIVE_NEEDS_APPLICATION("reactive-needs-application", Severity.ERROR),
  REST_EXPOSED("rest-exposed", Severity.WARNING),
  HOST_NETWORK_DNS("host-network-dns", Severity.WARNING),

  CONFIG_KEY_UNKNOWN("config-key-unknown", Severity.WARNING),
  CONFIG_KEY_DEPRECATED("config-key-deprecated", Severity.WARNING),
  CONFIG_KEY_CLASH_2X("config-key-clash-2x", Severity.WARNING),
  CONFIG_VALUE_INVALID("config-value-invalid", Severity.ERROR);

  public static final String DOCS = "https://github.com/flinkctl/flinkctl/blob/main/docs/rules.md";

  /**
   * Checks that predate the doctor and run while the spec is read or rendered (ClusterResolver,
   * FlinkConfiguration, ConfigFile, KubernetesModel); docs/rules.md explains them too.
   */
  public static final List<String> BUILT_IN = List.of("spec-required", "image-required", "name-required",
      "name-format", "flink-version-format", "flink-version-mismatch", "flink-version-required",
      "flink-version-unsupported", "config-value-required", "config-key-duplicate", "memory-process-size-mismatch",
      "memory-size", "cpu-amount", "slots-format", "slots-conflict", "range", "job-jar-required", "duration",
      "ha-storage-required", "config-key-clash", "config-legacy-value", "job-jar-kubernetes", "job-jar-usrlib",
      "pod-template", "pod-template-field", "port", "parallelism-source", "config-overridden", "config-derived",
      "config-local", "rescale-mode-conflict", "rescale-mode-version", "reactive-ignores-parallelism",
      "autoscaler-needs-job", "autoscaler-max-replicas-required", "autoscaler-replicas-order",
      "autoscaler-short-cooldown");

  private final String id;
  private final Severity severity;

  Rule(String id, Severity severity) {
    this.id = id;
    this.severity = severity;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  Finding at(String field, String message, String fix) {
    return new Finding(id, severity, field, message, fix);
  }

  /** Where a rule, built-in or ours, is explained. */
  public static String docs(String ruleId) {
    return DOCS + "#" + ruleId;
  }
}
