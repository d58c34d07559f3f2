package dev.flinkctl.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.flinkctl.api.FlinkVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes the configuration file a Flink version reads. 1.18 reads only the flat legacy
 * {@code flink-conf.yaml}. From 1.19 we write the standard nested {@code config.yaml}: 1.19/1.20
 * deprecate the legacy file (and its parser silently drops anything after a '#'), and 2.x reads
 * nothing else, so one writer serves every version from 1.19 on.
 */
public final class ConfigFile {
  public static final String LEGACY = "flink-conf.yaml";
  public static final String STANDARD = "config.yaml";
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.SPLIT_LINES));

  /** The file's name and text, or the findings that make the configuration unwritable. */
  public record Rendered(String fileName, String text, List<Finding> problems) {}

  private ConfigFile() {}

  public static String fileName(FlinkVersion version) {
    return version.atLeast(FlinkVersion.V1_19) ? STANDARD : LEGACY;
  }

  public static Rendered render(FlinkVersion version, SortedMap<String, String> entries) {
    return version.atLeast(FlinkVersion.V1_19)
        ? new Rendered(STANDARD, nested(entries), clashes(entries))
        : new Rendered(LEGACY, flat(entries), legacyProblems(entries));
  }

  private static String flat(SortedMap<String, String> entries) {
    StringBuilder sb = new StringBuilder();
    entries.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
    return sb.toString();
  }

  private static List<Finding> legacyProblems(SortedMap<String, String> entries) {
    List<Finding> problems = new ArrayList<>();
    entries.forEach((k, v) -> {
      if (v.contains("#") || v.contains("\n")) {
        problems.add(Finding.error("config-legacy-value", "spec.flinkConfiguration." + k,
            "flink-conf.yaml (Flink 1.18) cannot hold a value with '#' or a line break: Flink would cut it",
            "remove the character, or use Flink 1.19+ whose config.yaml can"));
      }
    });
    return problems;
  }

  /** In nested YAML a key cannot hold a value and also be the parent of another key. */
  private static List<Finding> clashes(SortedMap<String, String> entries) {
    List<Finding> problems = new ArrayList<>();
    for (String key : entries.keySet()) {
      String child = entries.tailMap(key + ".").keySet().stream().filter(k -> k.startsWith(key + "."))
          .findFirst().orElse(null);
      if (child != null) {
        problems.add(Finding.error("config-key-clash", "spec.flinkConfiguration." + key,
            "'" + key + "' has a value and is also the parent of '" + child
                + "'; config.yaml (Flink 1.19+) cannot nest both",
            "rename '" + key + "' to the key its documentation names (often '" + key + ".type') or remove it"));
      }
    }
    return problems;
  }

  private static String nested(SortedMap<String, String> entries) {
    Map<String, Object> root = new TreeMap<>();
    entries.forEach((key, value) -> insert(root, key.split("\\."), 0, value));
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void insert(Map<String, Object> node, String[] path, int i, String value) {
    if (i == path.length - 1) {
      // A clash was reported; keep the deeper keys so the rest of the file stays whole.
      node.putIfAbsent(path[i], typed(value));
      return;
    }
    Object child = node.get(path[i]);
    if (!(child instanceof Map)) {
      child = new TreeMap<String, Object>();
      node.put(path[i], child);
    }
    insert((Map<String, Object>) child, path, i + 1, value);
  }

  /** Integers and booleans are written as YAML scalars so the file reads naturally. */
  private static Object typed(String value) {
    if (INTEGER.matcher(value).matches()) {
      return Long.valueOf(value);
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    return value;
  }
}
