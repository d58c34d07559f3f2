package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A deploy writes only the objects whose content changed since the operator applied them. */
class UnchangedObjectsTest {
  private static final String NS = "default";
  private final MockApi api = new MockApi();
  private final KubernetesPlatform platform = new KubernetesPlatform(new ClusterObjects(api.client),
      RestEndpoints.inCluster());

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void theSamePlanAgainWritesNothing() {
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", NS);
    platform.deploy(KubernetesPlatformTest.plan(fc));

    assertThat(writesOf(() -> platform.deploy(KubernetesPlatformTest.plan(fc)))).isEmpty();
  }

  @Test
  void aConfigurationChangeWritesTheConfigMapAndTheDeploymentsOnly() {
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", NS);
    platform.deploy(KubernetesPlatformTest.plan(fc));

    List<String> writes = writesOf(() -> platform.deploy(KubernetesPlatformTest.plan(withInterval(fc, "1min"))));

    assertThat(writes).containsExactlyInAnyOrder("PATCH configmaps/production-flink-config",
        "PATCH deployments/production-flink-jobmanager", "PATCH deployments/production-flink-taskmanager");
  }

  @Test
  void anObjectDeletedByHandComesBackWithTheNextDeploy() {
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", NS);
    platform.deploy(KubernetesPlatformTest.plan(fc));
    api.client.services().inNamespace(NS).withName("production-flink-rest").delete();

    platform.deploy(KubernetesPlatformTest.plan(withInterval(fc, "1min")));

    assertThat(api.client.services().inNamespace(NS).withName("production-flink-rest").get()).isNotNull();
  }

  @Test
  void aDeploymentScaledSinceItsApplyIsAppliedAgain() {
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", NS);
    platform.deploy(KubernetesPlatformTest.plan(fc));
    platform.scaleTaskManagers(KubernetesPlatformTest.resolved(fc), 5);

    platform.deploy(KubernetesPlatformTest.plan(fc));

    assertThat(api.client.apps().deployments().inNamespace(NS).withName("production-flink-taskmanager").get()
        .getSpec().getReplicas()).isEqualTo(3);
  }

  private static FlinkCluster withInterval(FlinkCluster fc, String interval) {
    var config = new TreeMap<>(fc.getSpec().flinkConfiguration());
    config.put("execution.checkpointing.interval", interval);
    fc.setSpec(fc.getSpec().withFlinkConfiguration(config));
    return fc;
  }

  /** The writes {@code action} made, as "METHOD plural/name". */
  private List<String> writesOf(Runnable action) {
    int before = api.dispatcher.writeLog.size();
    action.run();
    synchronized (api.dispatcher.writeLog) {
      return api.dispatcher.writeLog.subList(before, api.dispatcher.writeLog.size()).stream()
          .map(w -> w.replaceAll("^(\\S+) /.*/namespaces/[^/]+/([^/?]+/[^/?]+).*$", "$1 $2")).toList();
    }
  }
}
