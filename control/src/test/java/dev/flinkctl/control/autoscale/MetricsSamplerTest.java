package dev.flinkctl.control.autoscale;

import static dev.flinkctl.control.rest.FlinkResponses.JOB_ID;
import static dev.flinkctl.control.rest.FlinkResponses.SINK_VERTEX;
import static dev.flinkctl.control.rest.FlinkResponses.SOURCE_VERTEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flinkctl.control.rest.FakeFlink;
import dev.flinkctl.control.rest.FakeFlink.Request;
import dev.flinkctl.control.rest.FlinkResponses;
import dev.flinkctl.control.rest.HttpFlinkRestClient;
import dev.flinkctl.control.rest.VertexMetric;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sampler against a fake JobManager answering in Flink 1.20's shapes. */
class MetricsSamplerTest {
  private static final String SOURCE_METRICS = "/jobs/" + JOB_ID + "/vertices/" + SOURCE_VERTEX + "/subtasks/metrics";
  private static final String SINK_METRICS = "/jobs/" + JOB_ID + "/vertices/" + SINK_VERTEX + "/subtasks/metrics";

  FakeFlink flink;
  MetricsSampler sampler;

  @BeforeEach
  void start() {
    flink = new FakeFlink();
    flink.on("GET", "/jobs/" + JOB_ID, 200, FlinkResponses.JOB_DETAILS);
    flink.on("GET", "/overview", 200, FlinkResponses.OVERVIEW);
    sampler = new MetricsSampler(new HttpFlinkRestClient(flink.uri(), Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    flink.close();
  }

  @Test
  void kafkaJobSignals() {
    flink.on("GET", SOURCE_METRICS, 200, FlinkResponses.KAFKA_SOURCE_METRIC_NAMES);
    flink.onWithQuery("GET", SOURCE_METRICS, """
        [{"id":"busyTimeMsPerSecond","min":300.0,"max":400.0,"avg":350.0,"sum":700.0},
         {"id":"backPressuredTimeMsPerSecond","min":580.0,"max":660.0,"avg":620.0,"sum":1240.0},
         {"id":"Source__orders.pendingRecords","min":1000.0,"max":5000.0,"avg":3000.0,"sum":6000.0}]""");
    flink.on("GET", SINK_METRICS, 200, """
        [{"id":"busyTimeMsPerSecond"},{"id":"backPressuredTimeMsPerSecond"},{"id":"KeyedProcess.numRecordsIn"}]""");
    flink.onWithQuery("GET", SINK_METRICS, """
        [{"id":"busyTimeMsPerSecond","min":880.0,"max":940.0,"avg":910.0,"sum":1820.0},
         {"id":"backPressuredTimeMsPerSecond","min":0.0,"max":0.0,"avg":0.0,"sum":0.0}]""");

    MetricSample s = sampler.sample(JOB_ID, Samples.T0);

    assertThat(s.time()).isEqualTo(Samples.T0);
    assertThat(s.parallelism()).isEqualTo(2);
    assertThat(s.taskManagers()).isEqualTo(1);
    assertThat(s.busyRatio()).isCloseTo(0.91, within(1e-9));
    assertThat(s.busiestVertex()).isEqualTo("KeyedProcess -> Sink: enriched");
    assertThat(s.backpressureRatio()).isCloseTo(0.62, within(1e-9));
    assertThat(s.pendingRecords()).as("summed over the source's subtasks").isEqualTo(6000L);
    assertThat(s.partitions()).as("orders 0..3, each listed once or twice").isEqualTo(4);
    assertThat(flink.requests()).filteredOn(r -> r.path().equals(SOURCE_METRICS) && r.query() != null)
        .extracting(Request::query)
        .containsExactly("get=busyTimeMsPerSecond,backPressuredTimeMsPerSecond,Source__orders.pendingRecords"
            + "&agg=min,max,avg,sum");
    assertThat(flink.requests()).filteredOn(r -> r.path().equals(SINK_METRICS) && r.query() != null)
        .extracting(Request::query)
        .containsExactly("get=busyTimeMsPerSecond,backPressuredTimeMsPerSecond&agg=min,max,avg,sum");
  }

  @Test
  void metricsNotReportedYetAreUnknownNotZero() {
    // Right after a (re)start: names listed without values, busy time NaN for a legacy source.
    flink.on("GET", SOURCE_METRICS, 200, """
        [{"id":"busyTimeMsPerSecond"},{"id":"Source__orders.numRecordsOut"}]""");
    flink.onWithQuery("GET", SOURCE_METRICS, """
        [{"id":"busyTimeMsPerSecond","min":"NaN","max":"NaN","avg":"NaN","sum":"NaN"}]""");
    flink.on("GET", SINK_METRICS, 200, "[]");
    flink.onWithQuery("GET", SINK_METRICS, "[]");

    MetricSample s = sampler.sample(JOB_ID, Samples.T0);

    assertThat(s.hasBusyTime()).isFalse();
    assertThat(s.hasBackpressure()).isFalse();
    assertThat(s.busiestVertex()).isNull();
    assertThat(s.pendingRecords()).isNull();
    assertThat(s.partitions()).isNull();
    assertThat(Autoscaler.recommend(Samples.POLICY, s, 2, 128).known()).isFalse();
  }

  /** Seen on Flink 1.20: a source restoring after a rescale reads 1000 ms/s busy with no load at all. */
  @Test
  void busyTimeOfAVertexNotRunningYetIsUnknown() {
    flink.on("GET", "/jobs/" + JOB_ID, 200, FlinkResponses.JOB_DETAILS.replaceFirst(
        "\"parallelism\":2,\"status\":\"RUNNING\"", "\"parallelism\":2,\"status\":\"INITIALIZING\""));
    flink.on("GET", SOURCE_METRICS, 200, FlinkResponses.KAFKA_SOURCE_METRIC_NAMES);
    flink.onWithQuery("GET", SOURCE_METRICS, """
        [{"id":"busyTimeMsPerSecond","min":1000.0,"max":1000.0,"avg":1000.0,"sum":2000.0},
         {"id":"backPressuredTimeMsPerSecond","min":0.0,"max":0.0,"avg":0.0,"sum":0.0},
         {"id":"Source__orders.pendingRecords","min":10.0,"max":10.0,"avg":10.0,"sum":20.0}]""");
    flink.on("GET", SINK_METRICS, 200, """
        [{"id":"busyTimeMsPerSecond"},{"id":"backPressuredTimeMsPerSecond"}]""");
    flink.onWithQuery("GET", SINK_METRICS, """
        [{"id":"busyTimeMsPerSecond","min":100.0,"max":120.0,"avg":110.0,"sum":220.0},
         {"id":"backPressuredTimeMsPerSecond","min":0.0,"max":0.0,"avg":0.0,"sum":0.0}]""");

    MetricSample s = sampler.sample(JOB_ID, Samples.T0);

    assertThat(s.busyRatio()).as("the running sink's, not the restoring source's").isCloseTo(0.11, within(1e-9));
    assertThat(s.busiestVertex()).isEqualTo("KeyedProcess -> Sink: enriched");
    assertThat(s.pendingRecords()).as("lag is still read").isEqualTo(20L);
  }

  @Test
  void partitionsAreCountedPerTopic() {
    flink.on("GET", SOURCE_METRICS, 200, """
        [{"id":"Source__orders_and_payments.KafkaSourceReader.topic.orders.partition.0.currentOffset"},
         {"id":"Source__orders_and_payments.KafkaSourceReader.topic.orders.partition.1.currentOffset"},
         {"id":"Source__orders_and_payments.KafkaSourceReader.topic.payments_v2.partition.0.currentOffset"},
         {"id":"Source__orders_and_payments.KafkaSourceReader.topic.payments_v2.partition.0.committedOffset"}]""");
    flink.onWithQuery("GET", SOURCE_METRICS, "[]");
    flink.on("GET", SINK_METRICS, 200, "[]");
    flink.onWithQuery("GET", SINK_METRICS, "[]");

    assertThat(sampler.sample(JOB_ID, Samples.T0).partitions()).isEqualTo(3);
  }

  @Test
  void busyTimeIsAShareOfTheSecondAtMostOne() {
    assertThat(MetricsSampler.perSecondRatio(new VertexMetric("b", 0.0, 1010.0, 1004.0, 2008.0))).isEqualTo(1.0);
    assertThat(MetricsSampler.perSecondRatio(null)).isNaN();
  }
}
