package dev.flinkctl.control.autoscale;

import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.JobDetails;
import dev.flinkctl.control.rest.VertexMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one {@link MetricSample} from a running job's REST API: the job's vertices, then per
 * vertex the metric names it has and their values aggregated over its subtasks. Two calls per
 * vertex, every metricsInterval.
 */
public final class MetricsSampler {
  static final String BUSY = "busyTimeMsPerSecond";
  static final String BACKPRESSURED = "backPressuredTimeMsPerSecond";
  /**
   * A source's lag, as "OPERATOR.pendingRecords" (FLIP-33). The metric query service writes '.'
   * in operator names as '_', so the operator part holds no dot.
   */
  static final Pattern PENDING_RECORDS = Pattern.compile("[^.]+\\.pendingRecords");
  /** The Kafka source reader's per-partition groups: "...KafkaSourceReader.topic.T.partition.N.currentOffset". */
  static final Pattern PARTITION = Pattern.compile("\\.topic\\.([^.]+)\\.partition\\.(\\d+)\\.");

  private final FlinkRestClient flink;

  public MetricsSampler(FlinkRestClient flink) {
    this.flink = Objects.requireNonNull(flink, "flink");
  }

  /**
   * The job's signals now. Metrics Flink has not reported yet come back as NaN or null in the
   * sample, never as zero, so that a missing metric cannot look like an idle job; so do busy and
   * back-pressured time of a vertex whose tasks are not all running yet.
   *
   * @param at the time to stamp the sample with (the caller's clock)
   * @throws dev.flinkctl.control.rest.FlinkRestException when Flink could not be asked; there is
   *     no sample this time
   */
  public MetricSample sample(String jobId, Instant at) {
    JobDetails job = flink.job(jobId);
    int taskManagers = flink.overview().taskManagers();
    int parallelism = 0;
    double busiest = Double.NaN;
    String busiestVertex = null;
    double backpressure = Double.NaN;
    long pending = 0;
    boolean pendingKnown = false;
    Set<String> partitions = new HashSet<>();
    for (JobDetails.Vertex v : job.vertices()) {
      parallelism = Math.max(parallelism, v.parallelism());
      List<String> names = flink.vertexMetricNames(jobId, v.id());
      List<String> pendingNames = names.stream().filter(PENDING_RECORDS.asMatchPredicate()).toList();
      for (String name : names) {
        Matcher m = PARTITION.matcher(name);
        if (m.find()) {
          partitions.add(m.group(1) + "/" + m.group(2));
        }
      }
      List<String> wanted = new ArrayList<>(List.of(BUSY, BACKPRESSURED));
      wanted.addAll(pendingNames);
      Map<String, VertexMetric> values = flink.vertexMetrics(jobId, v.id(), wanted).stream()
          .collect(Collectors.toMap(VertexMetric::id, Function.identity(), (a, b) -> a));
      // A task still deploying or restoring its state reads as fully busy: not a load signal.
      boolean measuring = "RUNNING".equals(v.status());
      double busy = measuring ? perSecondRatio(values.get(BUSY)) : Double.NaN;
      if (Double.isFinite(busy) && (Double.isNaN(busiest) || busy > busiest)) {
        busiest = busy;
        busiestVertex = v.name();
      }
      double held = measuring ? perSecondRatio(values.get(BACKPRESSURED)) : Double.NaN;
      if (Double.isFinite(held) && (Double.isNaN(backpressure) || held > backpressure)) {
        backpressure = held;
      }
      for (String name : pendingNames) {
        VertexMetric m = values.get(name);
        if (m != null && m.sum() != null && Double.isFinite(m.sum()) && m.sum() >= 0) {
          pending += Math.round(m.sum());
          pendingKnown = true;
        }
      }
    }
    return new MetricSample(at, parallelism, taskManagers, busiest, backpressure,
        pendingKnown ? pending : null, partitions.isEmpty() ? null : partitions.size(), busiestVertex,
        job.runningSince());
  }

  /**
   * The subtasks' average of a ms-per-second metric as a share of the second. Flink reports NaN
   * where it cannot measure (a legacy source's busy time), and a measurement can overshoot 1000
   * a little; both are handled here.
   */
  static double perSecondRatio(VertexMetric m) {
    if (m == null || m.avg() == null || !Double.isFinite(m.avg())) {
      return Double.NaN;
    }
    return Math.min(1.0, Math.max(0.0, m.avg() / 1000.0));
  }
}
