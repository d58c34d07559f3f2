package dev.flinkctl.api;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Flink MAJOR.MINOR version that this project knows how to configure and run. */
public record FlinkVersion(int major, int minor) implements Comparable<FlinkVersion> {
  public static final FlinkVersion V1_18 = new FlinkVersion(1, 18);
  public static final FlinkVersion V1_19 = new FlinkVersion(1, 19);
  public static final FlinkVersion V1_20 = new FlinkVersion(1, 20);
  public static final FlinkVersion V2_0 = new FlinkVersion(2, 0);
  public static final FlinkVersion V2_1 = new FlinkVersion(2, 1);
  public static final FlinkVersion V2_2 = new FlinkVersion(2, 2);
  public static final List<FlinkVersion> SUPPORTED = List.of(V1_18, V1_19, V1_20, V2_0, V2_1, V2_2);

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?");
  // Tags such as 1.18, 1.18.1, 1.18-java17, 1.18.1-scala_2.12-java11, 2.0.0-java21.
  private static final Pattern TAG = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-_].*)?$");

  private static final Comparator<FlinkVersion> ORDER =
      Comparator.comparingInt(FlinkVersion::major).thenComparingInt(FlinkVersion::minor);

  /** Parses "1.18", "1.18.1" or "v1_18"; empty when the text is no version. */
  public static Optional<FlinkVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(text.trim().replaceFirst("^[vV]", "").replace('_', '.'));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new FlinkVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  /** The version an image tag states, e.g. flink:1.18 or registry:5000/flink:1.20.1-java17. */
  public static Optional<FlinkVersion> fromImage(String image) {
    if (image == null) {
      return Optional.empty();
    }
    String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    if (colon <= slash) {
      return Optional.empty();
    }
    Matcher m = TAG.matcher(ref.substring(colon + 1));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new FlinkVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  public boolean isSupported() {
    return SUPPORTED.contains(this);
  }

  public boolean atLeast(FlinkVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(FlinkVersion o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
