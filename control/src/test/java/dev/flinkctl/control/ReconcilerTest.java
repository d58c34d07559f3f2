package dev.flinkctl.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.Conditions;
import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.HttpFlinkRestClient;
import dev.flinkctl.model.ResolvedCluster;
import dev.flinkctl.model.Seeds;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The loop around the decisions: validation, write-ahead, errors from the platform and from Flink. */
class ReconcilerTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  /** A platform that records what it was asked and whose JobManager answers on a port nobody listens on. */
  static final class RecordingPlatform implements Platform {
    final List<String> calls = new ArrayList<>();
    Deployment deployment = Deployment.none();
    RuntimeException deployFailure;
    int deadPort;

    RecordingPlatform() throws Exception {
      try (ServerSocket s = new ServerSocket(0)) {
        deadPort = s.getLocalPort();
      }
    }

    @Override
    public Deployment observe(ResolvedCluster cluster) {
      return deployment;
    }

    @Override
    public void deploy(Plan plan) {
      calls.add("deploy " + plan.revision());
      if (deployFailure != null) {
        throw deployFailure;
      }
      deployment = new Deployment(plan.revision(), 1, 1, 1, 1, null);
    }

    @Override
    public void scaleTaskManagers(ResolvedCluster cluster, int replicas) {
      calls.add("scale " + replicas);
    }

    @Override
    public void tearDown(ResolvedCluster cluster) {
      calls.add("tearDown");
    }

    @Override
    public Optional<FlinkRestClient> rest(ResolvedCluster cluster) {
      return Optional.of(new HttpFlinkRestClient(URI.create("http://127.0.0.1:" + deadPort), Duration.ofMillis(500)));
    }

    @Override
    public Optional<String> restUrl(ResolvedCluster cluster) {
      return Optional.of("http://127.0.0.1:" + deadPort);
    }

    @Override
    public Optional<String> defaultSavepointDir(ResolvedCluster cluster) {
      return Optional.of("file:///sp");
    }
  }

  static FlinkCluster app() {
    FlinkCluster c = Seeds.minimal("flink:1.20", "job: {jarURI: file:///job.jar, entryClass: Main}");
    c.getMetadata().setGeneration(3L);
    return c;
  }

  @Test
  void recordsTheDecisionBeforeActing() throws Exception {
    RecordingPlatform platform = new RecordingPlatform();
    List<FlinkClusterStatus> written = new ArrayList<>();
    Reconciler.Step step = new Reconciler(platform, CLOCK, () -> "t").reconcile(app(), null, s -> {
      assertThat(platform.calls).as("status is written before the platform acts").isEmpty();
      written.add(s);
    });
    assertThat(step.action()).isInstanceOf(Action.Deploy.class);
    assertThat(written).hasSize(1);
    assertThat(written.get(0).reconciliationOrEmpty().appliedGeneration()).isEqualTo(3);
    assertThat(platform.calls).hasSize(1);
  }

  @Test
  void flinkNotAnsweringIsReportedNotThrown() throws Exception {
    RecordingPlatform platform = new RecordingPlatform();
    Reconciler reconciler = new Reconciler(platform, CLOCK, () -> "t");
    FlinkClusterStatus s = reconciler.reconcile(app(), null, x -> { }).status();
    Reconciler.Step step = reconciler.reconcile(app(), s, x -> { });
    assertThat(step.status().phase()).isEqualTo(Phase.Deploying);
    assertThat(step.status().conditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo(Conditions.READY);
      assertThat(c.getStatus()).isEqualTo("False");
    });
    assertThat(step.action()).isInstanceOf(Action.Wait.class);
  }

  @Test
  void aDeployThePlatformRefusesMarksTheClusterFailedWithTheReason() throws Exception {
    RecordingPlatform platform = new RecordingPlatform();
    platform.deployFailure = new PlatformException("spec.job.jarURI: /job.jar does not exist");
    List<FlinkClusterStatus> written = new ArrayList<>();
    Reconciler.Step step = new Reconciler(platform, CLOCK, () -> "t").reconcile(app(), null, written::add);
    assertThat(step.status().phase()).isEqualTo(Phase.Failed);
    assertThat(step.status().reconciliationOrEmpty().lastError()).contains("/job.jar does not exist");
    assertThat(written.get(written.size() - 1)).isEqualTo(step.status());
  }

  @Test
  void anInvalidSpecTouchesNothing() throws Exception {
    RecordingPlatform platform = new RecordingPlatform();
    FlinkCluster bad = Seeds.minimal("flink:1.20", "taskManager: {resources: {memory: lots}}");
    Reconciler.Step step = new Reconciler(platform, CLOCK, () -> "t").reconcile(bad, null, s -> { });
    assertThat(step.status().phase()).isEqualTo(Phase.Invalid);
    assertThat(step.status().conditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo(Conditions.CONFIG_VALID);
      assertThat(c.getMessage()).contains("spec.taskManager.resources.memory");
    });
    assertThat(platform.calls).isEmpty();
  }

  @Test
  void aQuietClusterWritesNothing() throws Exception {
    RecordingPlatform platform = new RecordingPlatform();
    FlinkCluster session = Seeds.minimal("flink:1.20", "");
    session.getMetadata().setGeneration(1L);
    Reconciler reconciler = new Reconciler(platform, CLOCK, () -> "t");
    FlinkClusterStatus s = reconciler.reconcile(session, null, x -> { }).status();
    s = reconciler.reconcile(session, s, x -> { }).status();
    List<FlinkClusterStatus> writes = new ArrayList<>();
    reconciler.reconcile(session, s, writes::add);
    reconciler.reconcile(session, s, writes::add);
    assertThat(writes).isEmpty();
  }
}
