package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.model.Seeds;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KEDA and the HPA size a FlinkCluster only through its scale subresource (the KEDA example,
 * examples/keda/, on a mock API server that serves /scale as the CRD declares it, with the operator
 * running): what they read must describe the TaskManagers, and what they write must reach the
 * TaskManager Deployment and the job's parallelism as a kubectl patch does.
 */
class ScaleSubresourceTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String NS = "streams";
  static final String NAME = "production-flink";
  private final MockApi api = new MockApi();
  private final FlinkOperator operator = FlinkOperator.start(api.client, new OperatorSettings(Set.of(), null, false,
      "test", 0, null, Duration.ofSeconds(20), false, 0), RestEndpoints.inCluster());

  @BeforeEach
  void deployTheKedaExample() {
    FlinkCluster fc = Seeds.parse(Seeds.read(Seeds.root().resolve("examples/keda/flink-application.yaml")), "keda");
    fc.getMetadata().setNamespace(NS);
    api.client.resource(fc).create();
    Await.until("deployed with a TaskManager selector in status", WAIT, () -> get().getStatus().taskManager()
        .selector() != null && taskManagerReplicas() == 2, () -> String.valueOf(get().getStatus()));
  }

  @AfterEach
  void stop() {
    operator.close();
    api.close();
  }

  /** The HPA counts the target's pods by status.selector: it must pick exactly the TaskManager pods. */
  @Test
  void theScaleReportsSpecReplicasAndASelectorOfTheTaskManagerPods() {
    Scale scale = cluster().scale();

    assertThat(scale.getSpec().getReplicas()).isEqualTo(2);
    assertThat(scale.getStatus().getReplicas()).isEqualTo(get().getStatus().taskManager().replicas());
    var taskManagerPods = deployment("taskmanager").getSpec().getTemplate().getMetadata().getLabels();
    var jobManagerPods = deployment("jobmanager").getSpec().getTemplate().getMetadata().getLabels();
    var selector = Arrays.stream(scale.getStatus().getSelector().split(",")).map(kv -> kv.split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    assertThat(taskManagerPods).containsAllEntriesOf(selector);
    assertThat(jobManagerPods.entrySet().containsAll(selector.entrySet())).as("JobManager pods are counted").isFalse();
  }

  /**
   * KEDA's generated HPA GETs the Scale and PUTs it back with the resourceVersion it read: the
   * TaskManagers follow, and the job is asked for 8 x 2 slots, what the example's max parallelism allows.
   */
  @Test
  void anHpaStyleUpdateOfTheScaleResizesTheTaskManagersAndRescalesTheJob() {
    Scale read = cluster().scale();
    Scale written = null;
    // The operator's status writes move the resourceVersion too; like the HPA, read again on a conflict.
    for (int attempt = 0; written == null; attempt++) {
      read.getSpec().setReplicas(8);
      try {
        written = cluster().scale(read);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 4) {
          throw e;
        }
        read = cluster().scale();
      }
    }

    assertThat(written.getSpec().getReplicas()).isEqualTo(8);
    assertThat(get().getSpec().taskManager().replicas()).isEqualTo(8);
    RescaleStatus rescale = awaitRescaleTo(8);
    assertThat(rescale.toParallelism()).isEqualTo(16);
    assertThat(rescale.reason()).isEqualTo("8 TaskManagers x 2 slots = 16");

    // A second writer that read before this one gets a conflict and must read again, as the HPA does.
    Scale stale = read;
    stale.getSpec().setReplicas(3);
    assertThatThrownBy(() -> cluster().scale(stale)).isInstanceOfSatisfying(KubernetesClientException.class,
        e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(get().getSpec().taskManager().replicas()).isEqualTo(8);
  }

  /** {@code kubectl scale flinkcluster production-flink --replicas 6} sends this merge patch of the Scale. */
  @Test
  void aKubectlScaleMergePatchResizesTheTaskManagersAndRescalesTheJob() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            api.client.getMasterUrl() + "apis/flink.apache.org/v1beta1/namespaces/" + NS + "/flinkclusters/" + NAME
                + "/scale"))
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"spec\":{\"replicas\":6}}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"kind\":\"Scale\"").contains("\"spec\":{\"replicas\":6}");
    RescaleStatus rescale = awaitRescaleTo(6);
    assertThat(rescale.toParallelism()).isEqualTo(12);
    assertThat(rescale.reason()).isEqualTo("6 TaskManagers x 2 slots = 12");
  }

  /** In place (auto on Flink 1.18): TaskManagers first; no Flink runs here, so the job's side stays in progress. */
  private RescaleStatus awaitRescaleTo(int replicas) {
    Await.until("TaskManager Deployment at " + replicas, WAIT, () -> taskManagerReplicas() == replicas,
        () -> "replicas " + taskManagerReplicas() + ", status " + get().getStatus());
    Await.until("status.rescale to " + replicas, WAIT, () -> get().getStatus().rescale().toReplicas() == replicas,
        () -> String.valueOf(get().getStatus()));
    RescaleStatus rescale = get().getStatus().rescale();
    assertThat(rescale.fromReplicas()).isEqualTo(2);
    assertThat(rescale.method()).isEqualTo("in-place");
    assertThat(rescale.inProgress()).isTrue();
    return rescale;
  }

  private Resource<FlinkCluster> cluster() {
    return api.client.resources(FlinkCluster.class).inNamespace(NS).withName(NAME);
  }

  private FlinkCluster get() {
    return cluster().get();
  }

  private io.fabric8.kubernetes.api.model.apps.Deployment deployment(String component) {
    return api.client.apps().deployments().inNamespace(NS).withName(NAME + "-" + component).get();
  }

  private Integer taskManagerReplicas() {
    var d = deployment("taskmanager");
    return d == null ? null : d.getSpec().getReplicas();
  }
}
