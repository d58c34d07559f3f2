package dev.flinkctl.model;

import java.util.List;
import java.util.SortedMap;

/**
 * The Flink configuration a cluster runs with, under the key names of its Flink version.
 *
 * @param derived keys the model set or changed, with why; shown to users so nothing is a surprise
 */
public record EffectiveConfig(SortedMap<String, String> entries, List<Finding> derived) {
  public String get(String key) {
    return entries.get(key);
  }
}
