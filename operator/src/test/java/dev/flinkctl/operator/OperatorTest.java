package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkctl.api.Annotations;
import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.Labels;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.Plan;
import dev.flinkctl.control.Platform;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.model.ResolvedCluster;
import dev.flinkctl.model.Seeds;
import dev.flinkctl.model.kubernetes.KubernetesModel;
import dev.flinkctl.model.schema.KubernetesSchema;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator, JOSDK and all, against a mock API server: what kubectl users would see. */
class OperatorTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  private final MockApi api = new MockApi();
  private FlinkOperator operator;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    api.close();
  }

  @Test
  void everySeedConvergesToItsObjectsWithStatusAndEvents() {
    operator = start();
    for (String seed : Seeds.CLUSTERS) {
      FlinkCluster fc = api.createSeed(seed, "seeds-" + seed.replace(".yaml", ""));
      awaitConverged(fc);
      List<HasMetadata> objects = labelled(fc);
      assertThat(objects).as(seed).hasSize(KubernetesModel.render(fc).objects().size());
      for (HasMetadata o : objects) {
        assertThat(o.getMetadata().getOwnerReferences()).as(ClusterObjects.key(o)).singleElement()
            .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(fc.getMetadata().getUid()));
        assertThat(KubernetesSchema.problems(o)).as(ClusterObjects.key(o)).isEmpty();
      }
      FlinkCluster stored = get(fc);
      assertThat(stored.getStatus().phase()).isEqualTo(Phase.Deploying);
      assertThat(stored.getStatus().observedGeneration()).isEqualTo(stored.getMetadata().getGeneration());
      assertThat(stored.getStatus().taskManager().selector()).contains("app.kubernetes.io/component=taskmanager");
      assertThat(stored.getMetadata().getFinalizers()).hasSize(1);
      assertThat(events(fc)).extracting(Event::getReason).containsExactly("Deploying");
    }
  }

  @Test
  void aMergePatchOfTaskManagerReplicasScalesTheDeployment() {
    operator = start();
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
    awaitConverged(fc);
    // kubectl patch flinkcluster production-flink --type merge -p '{"spec":{"taskManager":{"replicas":5}}}'
    api.client.resources(FlinkCluster.class).inNamespace("default").withName("production-flink")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"taskManager\":{\"replicas\":5}}}");

    Await.until("TaskManagers at 5", WAIT, () -> deployment(fc, "taskmanager").getSpec().getReplicas() == 5);
    Await.until("status records 5", WAIT, () -> get(fc).getStatus().taskManager().ready().equals("0/5"));
    Await.until("a Scaling event", WAIT, () -> events(fc).stream().anyMatch(e -> e.getReason().equals("Scaling")
        && e.getMessage().equals("scaling TaskManagers to 5")));
  }

  @Test
  void aConfigurationChangeRollsThePods() {
    operator = start();
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
    awaitConverged(fc);
    String jmHash = podHash(deployment(fc, "jobmanager"));
    String tmHash = podHash(deployment(fc, "taskmanager"));

    api.client.resources(FlinkCluster.class).inNamespace("default").withName("production-flink")
        .patch(PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"flinkConfiguration\":{\"execution.checkpointing.interval\":\"1min\"}}}");

    Await.until("TaskManager pod template changed", WAIT, () -> !podHash(deployment(fc, "taskmanager")).equals(tmHash));
    assertThat(podHash(deployment(fc, "jobmanager"))).isNotEqualTo(jmHash);
    Await.until("new generation observed", WAIT,
        () -> get(fc).getStatus().observedGeneration().equals(get(fc).getMetadata().getGeneration()));
    assertThat(labelled(fc)).hasSize(KubernetesModel.render(fc).objects().size());
  }

  @Test
  void deleteRemovesEverythingIncludingFlinksHaConfigMaps() {
    operator = start();
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
    awaitConverged(fc);
    // What Flink's Kubernetes HA writes, without owner references.
    for (String name : List.of("production-flink-cluster-config-map",
        "production-flink-7b731f5729ac1884b53fe75d71344294-config-map")) {
      api.client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
          .addToLabels("app", "production-flink").addToLabels("configmap-type", "high-availability")
          .addToLabels("type", "flink-native-kubernetes").endMetadata().build()).create();
    }
    api.client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("production-flink-notes").endMetadata().build()).create();

    api.client.resource(get(fc)).delete();

    Await.until("FlinkCluster gone", WAIT, () -> get(fc) == null);
    assertThat(labelled(fc)).isEmpty();
    assertThat(api.client.configMaps().inNamespace("default").list().getItems())
        .extracting(cm -> cm.getMetadata().getName()).containsExactly("production-flink-notes");
  }

  @Test
  void anOperatorKilledMidDeployIsReplacedByOneThatConvergesWithoutDuplicates() {
    FlinkCluster fc = api.createSeed("flink-application.yaml", "default");
    KubernetesPlatform real = new KubernetesPlatform(new ClusterObjects(api.client), RestEndpoints.inCluster());
    Plan plan = KubernetesPlatformTest.plan(fc);
    List<HasMetadata> rendered = KubernetesModel.render(fc, c -> plan.launch()).objects();
    // The first operator records its decision, applies two objects and dies.
    assertThatThrownBy(() -> new Reconciler(killedWhileDeploying(real), Clock.systemUTC(), FlinkRestClient::newTriggerId)
        .reconcile(fc, null, status -> {
          fc.setStatus(status);
          api.client.resource(fc).updateStatus();
        })).hasMessage("killed");
    assertThat(get(fc).getStatus().reconciliationOrEmpty().appliedSpec()).isNotNull();
    assertThat(labelled(fc)).hasSize(2);

    operator = start();
    awaitConverged(fc);
    Await.until("the recorded revision deployed", WAIT,
        () -> plan.revision().equals(KubernetesPlatform.revision(deployment(fc, "jobmanager"))));
    operator.close();
    long writes = api.dispatcher.writes.get();
    operator = start();
    Await.until("the next operator reconciled", WAIT, () -> operator.metrics().reconciles() > 0);

    assertThat(labelled(fc)).extracting(ClusterObjects::key)
        .containsExactlyInAnyOrderElementsOf(rendered.stream().map(ClusterObjects::key).toList());
    assertThat(real.observe(KubernetesPlatformTest.resolved(fc)).revision()).isEqualTo(plan.revision());
    assertThat(api.dispatcher.writes.get()).as("a restarted operator has nothing to write").isEqualTo(writes);
    assertThat(events(fc)).extracting(Event::getReason).containsExactly("Deploying");
  }

  /** The real platform, except that deploy stops after two objects, as if the process were killed there. */
  private Platform killedWhileDeploying(KubernetesPlatform real) {
    return new Platform() {
      @Override
      public dev.flinkctl.control.Deployment observe(ResolvedCluster cluster) {
        return real.observe(cluster);
      }

      @Override
      public void deploy(Plan plan) {
        var objects = KubernetesModel.render(plan.resource(), c -> plan.launch()).objects();
        new ClusterObjects(api.client).apply(objects.subList(0, 2));
        throw new IllegalStateException("killed");
      }

      @Override
      public void scaleTaskManagers(ResolvedCluster cluster, int replicas) {
        real.scaleTaskManagers(cluster, replicas);
      }

      @Override
      public void tearDown(ResolvedCluster cluster) {
        real.tearDown(cluster);
      }

      @Override
      public Optional<FlinkRestClient> rest(ResolvedCluster cluster) {
        return real.rest(cluster);
      }

      @Override
      public Optional<String> restUrl(ResolvedCluster cluster) {
        return real.restUrl(cluster);
      }

      @Override
      public Optional<String> defaultSavepointDir(ResolvedCluster cluster) {
        return real.defaultSavepointDir(cluster);
      }
    };
  }

  @Test
  void aClusterThatNeverBecomesReadyCausesNoWritesWhileNothingChanges() throws Exception {
    operator = start();
    FlinkCluster fc = api.createSeed("flink-application.yaml", "default");
    awaitConverged(fc);
    Thread.sleep(1500);
    long writes = api.dispatcher.writes.get();
    long reconciles = operator.metrics().reconciles();

    Thread.sleep(4000);

    assertThat(api.dispatcher.writes.get()).as("writes at rest: %s", api.dispatcher.writeLog).isEqualTo(writes);
    assertThat(operator.metrics().reconciles()).isEqualTo(reconciles);
  }

  @Test
  void metricsAndHealthAreServedOverHttp() throws Exception {
    operator = start();
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
    awaitConverged(fc);
    var http = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + operator.httpPort();
    var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    var ready = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/readyz")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("flinkctl_clusters{phase=\"Deploying\"} 1")
        .containsPattern("(?m)^flinkctl_reconciles_total [1-9]")
        .contains("flinkctl_reconcile_duration_seconds_bucket{le=\"+Inf\"}");
    assertThat(ready.statusCode()).isEqualTo(200);
  }

  @Test
  void withLeaderElectionOnlyOneOfTwoReplicasReconciles() {
    operator = elected("replica-1");
    Await.until("replica-1 holds the lease", WAIT, () -> "replica-1".equals(api.client.leases()
        .inNamespace("flinkctl-system").withName(OperatorSettings.NAME).get().getSpec().getHolderIdentity()));
    try (FlinkOperator standby = elected("replica-2")) {
      FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
      awaitConverged(fc);

      assertThat(operator.metrics().reconciles()).isPositive();
      assertThat(standby.metrics().reconciles()).isZero();
    }
  }

  private FlinkOperator elected(String identity) {
    return FlinkOperator.start(api.client, new OperatorSettings(Set.of(), "flinkctl-system", true, identity, 0, null,
        Duration.ofSeconds(20), false, 0), RestEndpoints.inCluster());
  }

  private FlinkOperator start() {
    return FlinkOperator.start(api.client, new OperatorSettings(Set.of(), null, false, "test", 0, null,
        Duration.ofSeconds(20), false, 0), RestEndpoints.inCluster());
  }

  private void awaitConverged(FlinkCluster fc) {
    Await.until(fc.getMetadata().getName() + " deployed", WAIT, () -> {
      FlinkCluster now = get(fc);
      return now.getStatus() != null && now.getStatus().phase() == Phase.Deploying
          && labelled(fc).size() == KubernetesModel.render(fc).objects().size();
    }, () -> String.valueOf(get(fc).getStatus()));
  }

  private FlinkCluster get(FlinkCluster fc) {
    return api.client.resources(FlinkCluster.class).inNamespace(fc.getMetadata().getNamespace())
        .withName(fc.getMetadata().getName()).get();
  }

  private Deployment deployment(FlinkCluster fc, String component) {
    return api.client.apps().deployments().inNamespace(fc.getMetadata().getNamespace())
        .withName(fc.getMetadata().getName() + "-" + component).get();
  }

  private static String podHash(Deployment d) {
    return d.getSpec().getTemplate().getMetadata().getAnnotations().get(Annotations.CONFIG_HASH);
  }

  private List<Event> events(FlinkCluster fc) {
    return api.client.v1().events().inNamespace(fc.getMetadata().getNamespace()).list().getItems().stream()
        .filter(e -> fc.getMetadata().getName().equals(e.getInvolvedObject().getName())).toList();
  }

  private List<HasMetadata> labelled(FlinkCluster fc) {
    return ClusterObjects.KINDS.stream().flatMap(kind -> api.client.resources(kind)
        .inNamespace(fc.getMetadata().getNamespace()).withLabels(Labels.cluster(fc.getMetadata().getName()))
        .list().getItems().stream()).map(HasMetadata.class::cast).toList();
  }
}
