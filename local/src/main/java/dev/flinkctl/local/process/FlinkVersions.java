package dev.flinkctl.local.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of Flink versions flinkctl runs locally, and the artifact versions that go with them.
 *
 * <p>Two artifacts are not on Maven Central for every Flink release: {@code flink-container} (the
 * application-mode entry point, three small classes) and {@code flink-metrics-prometheus} (a shaded,
 * self-contained reporter whose Flink dependencies are "provided"). Where the release lacks them we
 * pin a published neighbour that links against the release's classes: every method and field the
 * substitute references was checked to exist in the target version's jars (1.20.0's entry point
 * does NOT link against 1.19, it uses 1.20's relocated RestoreMode; 1.18.0's does).
 */
public final class FlinkVersions {
  /** The version the project bundles (flink-bundle/pom.xml pins the same). */
  public static final String DEFAULT = "1.20.3";

  /** Flink's own lib/ ships log4j 2.17 to 2.24; 2.24.3 works with all supported versions. */
  static final String LOG4J = "2.24.3";

  /** Only used for the local HA server; Flink talks to it with its own shaded 3.7 client. */
  static final String ZOOKEEPER = "3.8.6";

  /** The metrics library ZooKeeper 3.8.6 is built with; its server needs it at run time. */
  static final String DROPWIZARD_METRICS = "4.1.12.1";

  /** Per major.minor: the pinned patch release and the substitutes for missing artifacts. */
  record Pin(String full, String container, String prometheus) {}

  private static final Map<String, Pin> PINS = new LinkedHashMap<>();
  private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+).*");

  static {
    PINS.put("1.18", new Pin("1.18.1", "1.18.0", "1.18.1"));
    PINS.put("1.19", new Pin("1.19.3", "1.18.0", "1.19.1"));
    PINS.put("1.20", new Pin("1.20.3", "1.20.0", "1.20.3"));
    PINS.put("2.0", new Pin("2.0.0", "2.0.0", "2.0.0"));
    PINS.put("2.1", new Pin("2.1.0", "2.1.0", "2.0.0"));
  }

  private FlinkVersions() {}

  /** "1.20" → "1.20.3"; a full version is returned as is. */
  public static String fullVersion(String version) {
    String v = version.trim();
    if (v.chars().filter(c -> c == '.').count() >= 2) {
      return v;
    }
    Pin pin = PINS.get(v);
    if (pin == null) {
      throw new FlinkDistributionException(
          "Flink " + v + " is not supported locally; use one of " + String.join(", ", PINS.keySet()));
    }
    return pin.full();
  }

  /** The artifact versions for a full version; an unpinned minor gets the release's own artifacts. */
  static Pin pinFor(String fullVersion) {
    Pin pin = PINS.get(majorMinor(fullVersion));
    if (pin == null) {
      return new Pin(fullVersion, fullVersion, fullVersion);
    }
    return new Pin(fullVersion, pin.container(), pin.prometheus());
  }

  static String majorMinor(String fullVersion) {
    String[] parts = fullVersion.split("\\.");
    return parts.length < 2 ? fullVersion : parts[0] + "." + parts[1];
  }

  /**
   * The file name Flink reads in the conf dir: 1.18 and older read only flink-conf.yaml (flat keys),
   * 2.x only config.yaml (standard YAML); 1.19 and 1.20 read either, flink-conf.yaml first when
   * both exist. So: flink-conf.yaml before 1.19, config.yaml from 1.19 on.
   */
  public static String configFileName(String fullVersion) {
    Matcher m = MAJOR_MINOR.matcher(fullVersion.trim());
    boolean legacy = m.matches() && Integer.parseInt(m.group(1)) == 1 && Integer.parseInt(m.group(2)) < 19;
    return legacy ? "flink-conf.yaml" : "config.yaml";
  }
}
