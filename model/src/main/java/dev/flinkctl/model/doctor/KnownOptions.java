package dev.flinkctl.model.doctor;

import dev.flinkctl.api.FlinkVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration options one Flink version defines, read from flink-options-MAJOR.MINOR.txt.
 * Those files are generated from the released jars (KnownOptionsGenerator, a test), so the lists
 * are Flink's own and need no network or Flink jar of that version at run time.
 */
final class KnownOptions {
  private static final Map<FlinkVersion, KnownOptions> CACHE = new ConcurrentHashMap<>();

  /**
   * @param type Duration, MemorySize, Integer, Long, Boolean, Float, Double, String, Map, List&lt;..&gt;
   *     or Enum:A|B|C (the values' names)
   * @param deprecatedAliases older names Flink still reads for it, with a deprecation warning
   */
  record Option(String key, String type, boolean deprecated, List<String> aliases, List<String> deprecatedAliases) {}

  private final Map<String, Option> options;
  private final Map<String, Option> byAlias = new HashMap<>();

  private KnownOptions(Map<String, Option> options) {
    this.options = options;
    options.values().forEach(o -> {
      o.aliases().forEach(a -> byAlias.putIfAbsent(a, o));
      o.deprecatedAliases().forEach(a -> byAlias.putIfAbsent(a, o));
    });
  }

  static KnownOptions of(FlinkVersion version) {
    return CACHE.computeIfAbsent(version, KnownOptions::load);
  }

  boolean isEmpty() {
    return options.isEmpty();
  }

  Optional<Option> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** The option that reads {@code alias} as another name of its own key. */
  Optional<Option> aliasOf(String alias) {
    return Optional.ofNullable(byAlias.get(alias));
  }

  boolean knows(String key) {
    return options.containsKey(key) || byAlias.containsKey(key);
  }

  Collection<Option> all() {
    return options.values();
  }

  /** The current key nearest in spelling, if any is near enough to be what was meant. */
  Optional<String> closest(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    int limit = Math.min(3, Math.max(1, key.length() / 6));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Option o : options.values()) {
      if (o.deprecated()) {
        continue;
      }
      int d = distance(lower, o.key().toLowerCase(Locale.ROOT), limit);
      if (d < bestDistance || d == bestDistance && best != null && o.key().compareTo(best) < 0) {
        bestDistance = d;
        best = o.key();
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance, abandoned (returning more than limit) once it cannot stay within limit. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static KnownOptions load(FlinkVersion version) {
    Map<String, Option> options = new TreeMap<>();
    String resource = "flink-options-" + version + ".txt";
    try (InputStream in = KnownOptions.class.getResourceAsStream(resource)) {
      if (in == null) {
        return new KnownOptions(options);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        List<String> aliases = new ArrayList<>();
        List<String> deprecated = new ArrayList<>();
        Arrays.stream(f[3].split(",")).filter(a -> !a.isEmpty())
            .forEach(a -> (a.startsWith("~") ? deprecated : aliases).add(a.replaceFirst("^~", "")));
        options.put(f[0], new Option(f[0], f[1], f[2].equals("d"), List.copyOf(aliases), List.copyOf(deprecated)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from flinkctl's own jar", e);
    }
    return new KnownOptions(options);
  }
}
