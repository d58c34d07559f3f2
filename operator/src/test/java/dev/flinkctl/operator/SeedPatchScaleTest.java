package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.model.Seeds;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed article's {@code kubectl patch flinkcluster production-flink
 * -p '{"spec":{"taskManager":{"replicas":5}}}'}, sent as a JSON merge patch (what {@code --type
 * merge} sends; custom resources take no strategic merge patch), against the seed manifests with the
 * operator running on a mock API server. The seed's pitfall was TaskManagers the job never uses:
 * the TaskManager Deployment must grow and the job must be asked for the parallelism they give.
 * No Flink runs here, so the rescale stays in progress with the target recorded: status is written
 * before anything is done.
 */
class SeedPatchScaleTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String SEED_PATCH = "{\"spec\":{\"taskManager\":{\"replicas\":5}}}";
  private final MockApi api = new MockApi();
  private final FlinkOperator operator = FlinkOperator.start(api.client, new OperatorSettings(Set.of(), null, false,
      "test", 0, null, Duration.ofSeconds(20), false, 0), RestEndpoints.inCluster());

  @AfterEach
  void stop() {
    operator.close();
    api.close();
  }

  /** The seed itself is a session cluster: it has no job of its own, so only the slots change. */
  @Test
  void theSessionSeedGetsFiveTaskManagers() {
    FlinkCluster fc = deployedAndPatched(api.createSeed("flink-cluster.yaml", "default"));

    Await.until("status shows 5 TaskManagers asked for", WAIT, () -> "0/5".equals(get(fc).getStatus().taskManager().ready()));
    assertThat(get(fc).getStatus().rescale()).as("a session cluster's jobs keep their parallelism").isNull();
  }

  /** The seed's application cluster pins parallelism 4: the cap holds, and the reason says so. */
  @Test
  void theApplicationSeedsJobIsAskedForReplicasTimesSlotsCappedAtItsPinnedParallelism() {
    FlinkCluster fc = deployedAndPatched(api.createSeed("flink-application.yaml", "team-a"));

    RescaleStatus rescale = awaitRescale(fc);
    assertThat(rescale.fromReplicas()).isEqualTo(2);
    assertThat(rescale.toParallelism()).isEqualTo(4);
    assertThat(rescale.reason()).isEqualTo("5 TaskManagers x 2 slots = 10, capped at the pinned parallelism 4"
        + " (spec.job.parallelism or parallelism.default)");
  }

  /** What the seed's pitfall calls for: no pinned parallelism, so the job follows the TaskManagers. */
  @Test
  void withoutAPinnedParallelismTheApplicationSeedsJobIsAskedForEverySlot() {
    String unpinned = Seeds.read(Seeds.seed("flink-application.yaml")).replace("    parallelism: 4\n", "");
    assertThat(unpinned).doesNotContain("parallelism");
    FlinkCluster fc = deployedAndPatched(api.client.resource(Seeds.parse(unpinned, "unpinned")).create());

    RescaleStatus rescale = awaitRescale(fc);
    assertThat(rescale.toParallelism()).isEqualTo(10);
    assertThat(rescale.reason()).isEqualTo("5 TaskManagers x 2 slots = 10");
  }

  /** The built-in autoscaler changes capacity with the same write, so its decisions rescale the same way. */
  @Test
  void theAutoscalersWriteIsTheSeedsPatch() {
    String unpinned = Seeds.read(Seeds.seed("flink-application.yaml")).replace("    parallelism: 4\n", "");
    FlinkCluster fc = api.client.resource(Seeds.parse(unpinned, "autoscaled")).create();
    deployed(fc);
    FlinkClusterReconciler.setReplicas(api.client, get(fc), 5);
    Await.until("TaskManager Deployment at 5", WAIT, () -> taskManagerReplicas(fc) == 5,
        () -> "replicas " + taskManagerReplicas(fc));

    assertThat(get(fc).getSpec().taskManager().replicas()).isEqualTo(5);
    assertThat(awaitRescale(fc).toParallelism()).isEqualTo(10);
  }

  private void deployed(FlinkCluster fc) {
    Await.until(fc.getMetadata().getName() + " deployed", WAIT, () -> get(fc).getStatus().phase() == Phase.Deploying
        && taskManagerReplicas(fc) != null, () -> String.valueOf(get(fc).getStatus()));
  }

  private FlinkCluster deployedAndPatched(FlinkCluster fc) {
    deployed(fc);
    api.client.resources(FlinkCluster.class).inNamespace(fc.getMetadata().getNamespace())
        .withName(fc.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE), SEED_PATCH);
    Await.until("TaskManager Deployment at 5", WAIT, () -> taskManagerReplicas(fc) == 5,
        () -> "replicas " + taskManagerReplicas(fc));
    return fc;
  }

  /** In place (auto on Flink 1.18): TaskManagers first, so the Deployment is at 5 while the job waits for them. */
  private RescaleStatus awaitRescale(FlinkCluster fc) {
    Await.until("status.rescale to 5 TaskManagers", WAIT, () -> get(fc).getStatus().rescale().toReplicas() == 5,
        () -> String.valueOf(get(fc).getStatus()));
    RescaleStatus rescale = get(fc).getStatus().rescale();
    assertThat(rescale.method()).isEqualTo("in-place");
    assertThat(rescale.startedAt()).isNotNull();
    assertThat(rescale.inProgress()).as("no Flink here runs the job at the new parallelism").isTrue();
    assertThat(taskManagerReplicas(fc)).isEqualTo(5);
    return rescale;
  }

  private Integer taskManagerReplicas(FlinkCluster fc) {
    var d = api.client.apps().deployments().inNamespace(fc.getMetadata().getNamespace())
        .withName(fc.getMetadata().getName() + "-taskmanager").get();
    return d == null ? null : d.getSpec().getReplicas();
  }

  private FlinkCluster get(FlinkCluster fc) {
    return api.client.resources(FlinkCluster.class).inNamespace(fc.getMetadata().getNamespace())
        .withName(fc.getMetadata().getName()).get();
  }
}
