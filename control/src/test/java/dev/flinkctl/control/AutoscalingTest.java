package dev.flinkctl.control;

import static dev.flinkctl.control.rest.FlinkResponses.JOB_ID;
import static dev.flinkctl.control.rest.FlinkResponses.SINK_VERTEX;
import static dev.flinkctl.control.rest.FlinkResponses.SOURCE_VERTEX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.rest.FakeFlink;
import dev.flinkctl.control.rest.FlinkResponses;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.HttpFlinkRestClient;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.ResolvedCluster;
import dev.flinkctl.model.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The autoscaler beside the loop: samples when due, records its decision first, then sets replicas. */
class AutoscalingTest {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  static final String SOURCE_METRICS = "/jobs/" + JOB_ID + "/vertices/" + SOURCE_VERTEX + "/subtasks/metrics";
  static final String SINK_METRICS = "/jobs/" + JOB_ID + "/vertices/" + SINK_VERTEX + "/subtasks/metrics";

  FakeFlink flink;
  final List<String> events = new ArrayList<>();
  final List<Integer> replicasSet = new ArrayList<>();
  Autoscaling autoscaling;

  @BeforeEach
  void start() {
    flink = new FakeFlink();
    flink.on("GET", "/jobs/" + JOB_ID, 200, FlinkResponses.JOB_DETAILS);
    flink.on("GET", "/overview", 200, FlinkResponses.OVERVIEW);
    flink.on("GET", SOURCE_METRICS, 200, FlinkResponses.KAFKA_SOURCE_METRIC_NAMES);
    flink.onWithQuery("GET", SOURCE_METRICS, """
        [{"id":"busyTimeMsPerSecond","avg":300.0,"max":300.0,"min":300.0,"sum":600.0},
         {"id":"backPressuredTimeMsPerSecond","avg":0.0,"max":0.0,"min":0.0,"sum":0.0},
         {"id":"Source__orders.pendingRecords","avg":3000.0,"max":3000.0,"min":3000.0,"sum":6000.0}]""");
    flink.on("GET", SINK_METRICS, 200, "[{\"id\":\"busyTimeMsPerSecond\"}]");
    flink.onWithQuery("GET", SINK_METRICS, "[{\"id\":\"busyTimeMsPerSecond\",\"avg\":400.0,\"max\":400.0,\"min\":400.0,\"sum\":800.0}]");
    checkpointsInFlight(0);
    autoscaling = new Autoscaling((resource, n) -> {
      events.add("replicas " + n);
      replicasSet.add(n);
    });
  }

  void checkpointsInFlight(int n) {
    flink.on("GET", "/jobs/" + JOB_ID + "/checkpoints", 200,
        FlinkResponses.CHECKPOINTS.replace("\"in_progress\":1", "\"in_progress\":" + n));
  }

  @AfterEach
  void stop() {
    flink.close();
  }

  static FlinkCluster cluster() {
    return Seeds.minimal("flink:1.20", """
        taskManager: {replicas: 1, slots: 2, resources: {cpu: 2}}
        job: {jarURI: "file:///job.jar"}
        autoscaler: {maxReplicas: 4, lagThreshold: 1000, metricsInterval: 10s, scaleUpStabilization: 30s}
        """);
  }

  FlinkClusterStatus step(FlinkCluster c, FlinkClusterStatus s, Instant now) {
    ResolvedCluster rc = ClusterResolver.resolve(c).orThrow();
    return autoscaling.step(c, rc, s, platform(), now, written -> events.add("status " + written.autoscaler()));
  }

  static FlinkClusterStatus running() {
    return FlinkClusterStatus.initial().withPhase(Phase.Running)
        .withJob(new JobStatus(JOB_ID, "RUNNING", 2, null, null, null));
  }

  @Test
  void lagHeldOverTheWindowScalesUpAfterRecordingWhy() {
    FlinkCluster c = cluster();
    FlinkClusterStatus s = running();
    for (int t = 0; t < 30; t += 10) {
      s = step(c, s, T0.plusSeconds(t));
      assertThat(replicasSet).as("held at t=" + t).isEmpty();
    }
    s = step(c, s, T0.plusSeconds(30));
    assertThat(replicasSet).containsExactly(2);
    assertThat(events.get(0)).as("status first, then the replicas").startsWith("status ");
    assertThat(events.get(1)).isEqualTo("replicas 2");
    assertThat(s.autoscaler().toReplicas()).isEqualTo(2);
    assertThat(s.autoscaler().lag()).isEqualTo(6000L);
    assertThat(s.autoscaler().partitions()).isEqualTo(4);
    assertThat(s.autoscaler().reason()).contains("lag 6000").contains("capped at 4 partitions");
  }

  @Test
  void aForgottenClusterStartsAfreshUnderTheSameName() {
    FlinkCluster c = cluster();
    FlinkClusterStatus s = running();
    for (int t = 0; t < 30; t += 10) {
      s = step(c, s, T0.plusSeconds(t));
    }
    autoscaling.forget(c);
    step(c, s, T0.plusSeconds(30));
    assertThat(replicasSet).as("the deleted cluster's 30 s of lag do not count for the new one").isEmpty();
  }

  @Test
  void aCheckpointInFlightPostponesTheChange() {
    FlinkCluster c = cluster();
    FlinkClusterStatus s = running();
    checkpointsInFlight(1);
    for (int t = 0; t <= 30; t += 10) {
      s = step(c, s, T0.plusSeconds(t));
    }
    assertThat(replicasSet).isEmpty();
    checkpointsInFlight(0);
    step(c, s, T0.plusSeconds(32));
    assertThat(replicasSet).containsExactly(2);
  }

  @Test
  void noSamplesBetweenIntervalsAndNothingWithoutASpecSection() {
    FlinkCluster c = cluster();
    FlinkClusterStatus s = running();
    step(c, s, T0);
    long calls = flink.requests().size();
    step(c, s, T0.plusSeconds(4));
    assertThat(flink.requests().size()).as("not due: no metric calls").isEqualTo(calls);

    FlinkCluster off = cluster();
    off.setSpec(off.getSpec().withAutoscaler(null));
    assertThat(step(off, s, T0.plusSeconds(60))).isSameAs(s);
  }

  private Platform platform() {
    FlinkRestClient rest = new HttpFlinkRestClient(flink.uri(), Duration.ofSeconds(5));
    return new Platform() {
      @Override
      public Deployment observe(ResolvedCluster cluster) {
        return Deployment.none();
      }

      @Override
      public void deploy(Plan plan) {}

      @Override
      public void scaleTaskManagers(ResolvedCluster cluster, int replicas) {}

      @Override
      public void tearDown(ResolvedCluster cluster) {}

      @Override
      public Optional<FlinkRestClient> rest(ResolvedCluster cluster) {
        return Optional.of(rest);
      }

      @Override
      public Optional<String> restUrl(ResolvedCluster cluster) {
        return Optional.empty();
      }

      @Override
      public Optional<String> defaultSavepointDir(ResolvedCluster cluster) {
        return Optional.empty();
      }
    };
  }
}
