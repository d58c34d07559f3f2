package dev.flinkctl.control.autoscale;

import java.time.Instant;
import java.util.Objects;

/**
 * What the job looked like at one moment, reduced to the signals the autoscaler decides on.
 *
 * @param parallelism the job's parallelism: the highest of its vertices
 * @param taskManagers TaskManagers registered with the JobManager
 * @param busyRatio busy share of each second of the busiest vertex, 0 to 1 (per vertex the
 *     average over its subtasks); NaN when no vertex reported busy time yet
 * @param backpressureRatio back-pressured share of the most held-back vertex, 0 to 1; NaN when
 *     unknown
 * @param pendingRecords records the sources have not read yet (Kafka lag), summed over their
 *     subtasks; null when no source reports it
 * @param partitions Kafka partitions the sources read; null when unknown
 * @param busiestVertex name of the vertex busyRatio belongs to, for explanations; null when unknown
 * @param runningSince when the job last entered RUNNING (a failover restart counts); null when unknown
 */
public record MetricSample(
    Instant time,
    int parallelism,
    int taskManagers,
    double busyRatio,
    double backpressureRatio,
    Long pendingRecords,
    Integer partitions,
    String busiestVertex,
    Instant runningSince) {

  public MetricSample {
    Objects.requireNonNull(time, "time");
  }

  public boolean hasBusyTime() {
    return Double.isFinite(busyRatio);
  }

  public boolean hasBackpressure() {
    return Double.isFinite(backpressureRatio);
  }

  /** Busy time in whole percent, for status; null when unknown. */
  public Integer busyPercent() {
    return hasBusyTime() ? Texts.percent(busyRatio) : null;
  }

  /** Back-pressured time in whole percent, for status; null when unknown. */
  public Integer backpressurePercent() {
    return hasBackpressure() ? Texts.percent(backpressureRatio) : null;
  }

  /** This sample with the lag and partition count read from Kafka instead of the source's metrics. */
  public MetricSample withKafkaLag(long lag, int topicPartitions) {
    return new MetricSample(time, parallelism, taskManagers, busyRatio, backpressureRatio, lag, topicPartitions,
        busiestVertex, runningSince);
  }
}
