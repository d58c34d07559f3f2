package dev.flinkctl.model.doctor;

import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.model.ConfigFile;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * The keys of flinkConfiguration against the options the Flink version defines. Flink ignores a
 * key it does not know, so a typo silently leaves the default in place; a value it cannot read
 * fails the JobManager or the job when the option is read.
 */
final class ConfigKeyRules {
  /**
   * Keys under these prefixes belong to plugins, reporters, Hadoop or the table planner, whose
   * options flinkctl does not list; they are passed through unchecked.
   */
  static final List<String> OPEN_PREFIXES = List.of("metrics.reporter.", "traces.reporter.", "events.reporter.",
      "s3.", "s3a.", "fs.", "presto.s3.", "gs.", "oss.", "azure.", "hadoop.", "flink.hadoop.", "table.",
      "sql-gateway.", "sql-client.", "python.", "yarn.", "external-resource.", "containerized.master.env.",
      "containerized.taskmanager.env.", "state.backend.forst.", "$internal.", "plugin.");

  /** Memory keys are judged by Flink's own arithmetic (MemoryRules), slots by ClusterResolver, ports by Ports. */
  private static final List<String> VALUES_CHECKED_ELSEWHERE = List.of("taskmanager.memory.", "jobmanager.memory.",
      ConfigKeys.SLOTS, ConfigKeys.JM_RPC_PORT, ConfigKeys.BLOB_PORT, ConfigKeys.REST_PORT, ConfigKeys.TM_RPC_PORT);

  private ConfigKeyRules() {}

  static List<Finding> check(RuleContext ctx) {
    KnownOptions known = KnownOptions.of(ctx.version());
    if (known.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    ctx.written().forEach((written, value) -> {
      String key = written.trim();
      String name = ConfigKeys.forVersion(key, ctx.version());
      String field = "spec.flinkConfiguration." + written;
      Optional<KnownOptions.Option> option = known.option(name).or(() -> known.aliasOf(name));
      if (option.isEmpty()) {
        if (OPEN_PREFIXES.stream().noneMatch(name::startsWith)) {
          findings.add(unknown(ctx, known, key, field));
        }
        return;
      }
      deprecated(ctx, known, key, name, option.get(), field).ifPresent(findings::add);
      if (value != null && VALUES_CHECKED_ELSEWHERE.stream().noneMatch(name::startsWith)) {
        invalidValue(option.get(), value.trim(), field).ifPresent(findings::add);
      }
    });
    findings.addAll(clashesIn2x(ctx));
    return findings;
  }

  private static Finding unknown(RuleContext ctx, KnownOptions known, String key, String field) {
    String elsewhere = FlinkVersion.SUPPORTED.stream().filter(v -> !v.equals(ctx.version()))
        .filter(v -> KnownOptions.of(v).knows(ConfigKeys.forVersion(key, v))).map(Object::toString)
        .reduce((a, b) -> a + ", " + b).map(vs -> " (it is an option of Flink " + vs + ")").orElse("");
    Optional<String> closest = known.closest(key);
    return Rule.CONFIG_KEY_UNKNOWN.at(field,
        "'" + key + "' is not a configuration option of Flink " + ctx.version() + elsewhere
            + "; Flink ignores unknown keys, so the setting has no effect",
        closest.map(c -> "did you mean " + c + "?").orElse("check the key against Flink " + ctx.version()
            + "'s configuration reference, or remove it"));
  }

  /** Deprecated keys, with the name Flink 2.x reads (or that 2.x dropped them). */
  private static Optional<Finding> deprecated(RuleContext ctx, KnownOptions known, String key, String name,
      KnownOptions.Option option, String field) {
    // flinkctl itself writes renamed keys under the name the version reads.
    if (ConfigKeys.RENAMES.stream().anyMatch(r -> r.oldKey().equals(key) || r.newKey().equals(key))) {
      return Optional.empty();
    }
    boolean deprecatedAlias = option.deprecatedAliases().contains(name);
    if (!deprecatedAlias && !(option.key().equals(name) && option.deprecated())) {
      return Optional.empty();
    }
    FlinkVersion newest = FlinkVersion.SUPPORTED.get(FlinkVersion.SUPPORTED.size() - 1);
    KnownOptions latest = KnownOptions.of(newest);
    String successor = deprecatedAlias ? option.key()
        : latest.aliasOf(name).filter(o -> !o.key().equals(name)).map(KnownOptions.Option::key).orElse(null);
    String in2x = latest.option(name).isPresent() ? "Flink " + newest + " still reads it"
        : successor != null && latest.knows(successor) ? "Flink 2.x reads " + successor
        : latest.knows(name) ? "Flink 2.x still reads it as an alias" : "Flink 2.x no longer has it";
    return Optional.of(Rule.CONFIG_KEY_DEPRECATED.at(field,
        "'" + key + "' is deprecated in Flink " + ctx.version() + "; " + in2x,
        successor != null ? "write " + successor + " instead" : "remove it; see the release notes for what replaces it"));
  }

  private static Optional<Finding> invalidValue(KnownOptions.Option option, String value, String field) {
    String type = option.type();
    String problem = null;
    if (type.startsWith("Enum:")) {
      List<String> allowed = Arrays.asList(type.substring("Enum:".length()).split("\\|"));
      boolean matches = allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value));
      problem = matches ? null : "'" + value + "' is not one of " + String.join(", ", allowed);
    } else {
      ConfigOption<?> typed = typed(option.key(), type);
      if (typed != null) {
        try {
          Configuration.fromMap(Map.of(option.key(), value)).get(typed);
        } catch (RuntimeException e) {
          problem = "'" + value + "' is not a " + describe(type);
        }
      }
    }
    return problem == null ? Optional.empty() : Optional.of(Rule.CONFIG_VALUE_INVALID.at(field,
        problem + "; Flink fails with \"Could not parse value\" when it reads " + option.key(),
        "write " + example(type)));
  }

  private static ConfigOption<?> typed(String key, String type) {
    ConfigOptions.OptionBuilder b = ConfigOptions.key(key);
    return switch (type) {
      case "Duration" -> b.durationType().noDefaultValue();
      case "MemorySize" -> b.memoryType().noDefaultValue();
      case "Integer" -> b.intType().noDefaultValue();
      case "Long" -> b.longType().noDefaultValue();
      case "Boolean" -> b.booleanType().noDefaultValue();
      case "Float" -> b.floatType().noDefaultValue();
      case "Double" -> b.doubleType().noDefaultValue();
      default -> null;
    };
  }

  private static String describe(String type) {
    return switch (type) {
      case "Duration" -> "duration";
      case "MemorySize" -> "memory size";
      case "Integer", "Long" -> "whole number";
      case "Boolean" -> "boolean";
      default -> "number";
    };
  }

  private static String example(String type) {
    return switch (type.startsWith("Enum:") ? "Enum" : type) {
      case "Duration" -> "a duration such as \"30 s\", \"5 min\" or \"1 h\"";
      case "MemorySize" -> "a size such as \"64m\" or \"1g\"";
      case "Integer", "Long" -> "a whole number, quoted: \"4\"";
      case "Boolean" -> "\"true\" or \"false\"";
      case "Enum" -> "one of the listed values";
      default -> "a number such as \"0.4\"";
    };
  }

  /** A 1.18 spec is written flat; from 1.19 on, and in every 2.x, nested YAML cannot hold both keys. */
  private static List<Finding> clashesIn2x(RuleContext ctx) {
    if (ctx.version().atLeast(FlinkVersion.V1_19)) {
      return List.of();
    }
    SortedMap<String, String> asIn2x = new TreeMap<>();
    ctx.cluster().flinkConfiguration().forEach((k, v) -> asIn2x.put(ConfigKeys.forVersion(k, FlinkVersion.V2_0), v));
    return ConfigFile.render(FlinkVersion.V2_0, asIn2x).problems().stream()
        .filter(p -> p.rule().equals("config-key-clash"))
        .map(p -> Rule.CONFIG_KEY_CLASH_2X.at(p.field(), p.message().replace("config.yaml (Flink 1.19+) cannot",
            "the config.yaml of Flink 1.19 and 2.x cannot") + "; this 1.18 cluster is fine, an upgrade is not",
            p.fix()))
        .toList();
  }
}
