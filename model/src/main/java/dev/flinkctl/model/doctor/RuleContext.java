package dev.flinkctl.model.doctor;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.FlinkConfiguration;
import dev.flinkctl.model.ResolvedCluster;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.util.TimeUtils;

/**
 * What every rule reads: the resource as written (for the user's own key spellings and
 * annotations), the cluster with defaults applied, and the configuration Flink will get.
 */
final class RuleContext {
  private final FlinkCluster resource;
  private final ResolvedCluster cluster;
  private final SortedMap<String, String> effective;

  RuleContext(FlinkCluster resource, ResolvedCluster cluster) {
    this.resource = resource;
    this.cluster = cluster;
    this.effective = FlinkConfiguration.forKubernetes(cluster).entries();
  }

  ResolvedCluster cluster() {
    return cluster;
  }

  FlinkVersion version() {
    return cluster.version();
  }

  /** The configuration file's entries under the version's key names, spec-derived keys included. */
  SortedMap<String, String> effective() {
    return effective;
  }

  /** The user's flinkConfiguration exactly as written (key spelling and all). */
  Map<String, String> written() {
    Map<String, String> given = resource.getSpec() == null ? null : resource.getSpec().flinkConfiguration();
    return given == null ? Map.of() : new TreeMap<>(given);
  }

  Map<String, String> annotations() {
    Map<String, String> a = resource.getMetadata() == null ? null : resource.getMetadata().getAnnotations();
    return a == null ? Map.of() : a;
  }

  /** The user's value for a key under either of its names; null when not set. */
  String user(String key) {
    return cluster.flinkConfiguration().get(ConfigKeys.canonical(key));
  }

  boolean isSet(String key) {
    return user(key) != null;
  }

  /** The field to name in a finding: the key as the user spelled it, or the version's name. */
  String field(String key) {
    String canonical = ConfigKeys.canonical(key);
    String spelled = written().keySet().stream().filter(k -> ConfigKeys.canonical(k.trim()).equals(canonical))
        .findFirst().orElse(ConfigKeys.forVersion(canonical, version()));
    return "spec.flinkConfiguration." + spelled;
  }

  /** A duration as Flink reads it (TimeUtils); empty when unset or unreadable, which other rules report. */
  Optional<Duration> duration(String key) {
    String v = user(key);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TimeUtils.parseDuration(v));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  Optional<Integer> integer(String key) {
    String v = user(key);
    try {
      return v == null ? Optional.empty() : Optional.of(Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Flink reads booleans case-insensitively. */
  Optional<Boolean> bool(String key) {
    String v = user(key);
    if (v == null || !(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
      return Optional.empty();
    }
    return Optional.of(Boolean.parseBoolean(v));
  }

  /** The parallelism jobs get: the application's, else a session's parallelism.default; empty if neither. */
  Optional<Integer> parallelism() {
    if (cluster.isApplication()) {
      return Optional.of(cluster.job().parallelism());
    }
    return integer(ConfigKeys.PARALLELISM);
  }

  boolean reactive() {
    String mode = user("scheduler-mode");
    return mode != null && mode.trim().equalsIgnoreCase("reactive");
  }

  /** Batch jobs neither checkpoint nor need their settings. */
  boolean batch() {
    String mode = user("execution.runtime-mode");
    return mode != null && mode.trim().equalsIgnoreCase("batch");
  }

  String stateBackend() {
    String b = user("state.backend");
    return b == null ? "" : b.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
