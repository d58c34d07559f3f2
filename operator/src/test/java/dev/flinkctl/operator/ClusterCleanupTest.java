package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.JobStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterCleanupTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
  private final MockApi api = new MockApi();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void aCleanupPastItsTimeoutLetsGoAndSaysSo() {
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
    new KubernetesPlatform(new ClusterObjects(api.client), RestEndpoints.inCluster())
        .deploy(KubernetesPlatformTest.plan(fc));
    // A pod that never stops (a stuck node) would hold the finalizer forever.
    api.client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("stuck")
        .addToLabels("app.kubernetes.io/name", "flink").addToLabels("app.kubernetes.io/instance", "production-flink")
        .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("flink:1.18").endContainer().endSpec()
        .build()).create();
    ClusterCleanup cleanup = new ClusterCleanup(Duration.ofMinutes(5), clock, new EventRecorder(api.client, clock, "t"),
        RestEndpoints.inCluster());

    fc.getMetadata().setDeletionTimestamp(NOW.minus(Duration.ofMinutes(1)).toString());
    DeleteControl waiting = cleanup.cleanup(fc, api.client);
    fc.getMetadata().setDeletionTimestamp(NOW.minus(Duration.ofMinutes(6)).toString());
    DeleteControl gaveUp = cleanup.cleanup(fc, api.client);

    assertThat(waiting.isRemoveFinalizer()).isFalse();
    assertThat(gaveUp.isRemoveFinalizer()).isTrue();
    assertThat(api.client.v1().events().inNamespace("default").list().getItems()).extracting(Event::getReason)
        .containsExactly("CleanupTimedOut");
  }

  @Test
  void theAnnotationStopsTheJobWithASavepointBeforeTheClusterGoes() throws Exception {
    try (FakeFlinkRest flink = new FakeFlinkRest()) {
      FlinkCluster fc = api.createSeed("flink-application.yaml", "default");
      new KubernetesPlatform(new ClusterObjects(api.client), RestEndpoints.inCluster())
          .deploy(KubernetesPlatformTest.plan(fc));
      fc.getMetadata().getAnnotations().put(ClusterCleanup.SAVEPOINT_ON_DELETE, "true");
      fc.setStatus(dev.flinkctl.api.FlinkClusterStatus.initial().withJob(
          new JobStatus("7b731f5729ac1884b53fe75d71344294", "RUNNING", 4, null, null, null)));
      fc.getMetadata().setDeletionTimestamp(NOW.toString());
      ClusterCleanup cleanup = new ClusterCleanup(Duration.ofMinutes(5), clock,
          new EventRecorder(api.client, clock, "t"), new RestEndpoints(c -> flink.uri()));

      assertThat(cleanup.cleanup(fc, api.client).isRemoveFinalizer()).as("triggered").isFalse();
      assertThat(cleanup.cleanup(fc, api.client).isRemoveFinalizer()).as("in progress").isFalse();
      assertThat(cleanup.cleanup(fc, api.client).isRemoveFinalizer()).as("completed").isTrue();

      String trigger = fc.getMetadata().getUid().replace("-", "");
      assertThat(flink.requests).contains("POST /jobs/7b731f5729ac1884b53fe75d71344294/stop",
          "GET /jobs/7b731f5729ac1884b53fe75d71344294/savepoints/" + trigger);
      assertThat(api.client.v1().events().inNamespace("team-a").list().getItems()).extracting(Event::getMessage)
          .containsExactly("savepoint before deletion: s3://b/savepoints/sp-1");
      assertThat(api.client.apps().deployments().inNamespace("team-a").list().getItems()).isEmpty();
    }
  }
}
