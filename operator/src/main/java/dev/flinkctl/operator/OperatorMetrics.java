package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.Phase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** The operator's own numbers, in Prometheus' text format for /metrics. */
final class OperatorMetrics {
  private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final LongAdder reconciles = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder statusWrites = new LongAdder();
  private final LongAdder nanos = new LongAdder();
  private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length);
  private final Map<String, Phase> phases = new ConcurrentHashMap<>();

  void reconciled(Duration took, boolean ok) {
    reconciles.increment();
    if (!ok) {
      errors.increment();
    }
    nanos.add(took.toNanos());
    double seconds = took.toNanos() / 1e9;
    for (int i = 0; i < BOUNDS.length; i++) {
      if (seconds <= BOUNDS[i]) {
        buckets.incrementAndGet(i);
      }
    }
  }

  void statusWrites(int n) {
    statusWrites.add(n);
  }

  void phase(FlinkCluster cluster, Phase phase) {
    phases.put(cluster.getMetadata().getUid(), phase);
  }

  void forget(FlinkCluster cluster) {
    phases.remove(cluster.getMetadata().getUid());
  }

  long reconciles() {
    return reconciles.sum();
  }

  String prometheus() {
    StringBuilder out = new StringBuilder();
    counter(out, "flinkctl_reconciles_total", "Reconcile steps run, failed ones included.", reconciles.sum());
    counter(out, "flinkctl_reconcile_errors_total", "Reconcile steps that threw and will be retried.", errors.sum());
    counter(out, "flinkctl_status_writes_total", "Writes to FlinkCluster status.", statusWrites.sum());
    String h = "flinkctl_reconcile_duration_seconds";
    out.append("# HELP ").append(h).append(" Time one reconcile step took.\n# TYPE ").append(h).append(" histogram\n");
    for (int i = 0; i < BOUNDS.length; i++) {
      out.append(h).append("_bucket{le=\"").append(BOUNDS[i]).append("\"} ").append(buckets.get(i)).append('\n');
    }
    out.append(h).append("_bucket{le=\"+Inf\"} ").append(reconciles.sum()).append('\n');
    out.append(h).append("_sum ").append(nanos.sum() / 1e9).append('\n');
    out.append(h).append("_count ").append(reconciles.sum()).append('\n');
    out.append("# HELP flinkctl_clusters FlinkClusters by phase.\n# TYPE flinkctl_clusters gauge\n");
    for (Phase p : Phase.values()) {
      long n = phases.values().stream().filter(p::equals).count();
      out.append("flinkctl_clusters{phase=\"").append(p).append("\"} ").append(n).append('\n');
    }
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
        .append(name).append(' ').append(value).append('\n');
  }
}
