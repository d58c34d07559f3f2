package dev.flinkctl.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Min, median and max of a handful of samples. */
record Stats(double min, double median, double max, int count) {
  static Stats of(List<? extends Number> samples) {
    List<Double> sorted = new ArrayList<>();
    samples.stream().mapToDouble(Number::doubleValue).filter(d -> !Double.isNaN(d)).forEach(sorted::add);
    if (sorted.isEmpty()) {
      return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
  }

  /** Milliseconds as seconds, e.g. "4.21". */
  static String seconds(double ms) {
    return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.2f", ms / 1000);
  }

  static String ratio(double r) {
    return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f×", r);
  }
}
