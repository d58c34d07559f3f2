package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.Annotations;
import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.Labels;
import dev.flinkctl.control.Plan;
import dev.flinkctl.control.Revisions;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.ResolvedCluster;
import dev.flinkctl.model.Seeds;
import dev.flinkctl.model.kubernetes.KubernetesModel;
import dev.flinkctl.model.schema.KubernetesSchema;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class KubernetesPlatformTest {
  static final List<String> SEEDS = Seeds.CLUSTERS;
  private final MockApi api = new MockApi();
  private final KubernetesPlatform platform = new KubernetesPlatform(new ClusterObjects(api.client),
      RestEndpoints.inCluster());

  @AfterEach
  void close() {
    api.close();
  }

  @ParameterizedTest
  @FieldSource("SEEDS")
  void deployCreatesTheRenderedObjectsOwnedByTheClusterAndValid(String seed) {
    FlinkCluster fc = api.createSeed(seed, "default");
    Plan plan = plan(fc);
    platform.deploy(plan);

    List<HasMetadata> expected = KubernetesModel.render(fc, c -> plan.launch()).objects();
    List<HasMetadata> stored = labelled(fc);
    assertThat(stored).extracting(ClusterObjects::key)
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(ClusterObjects::key).toList());
    for (HasMetadata o : stored) {
      assertThat(o.getMetadata().getOwnerReferences()).as(ClusterObjects.key(o)).singleElement()
          .satisfies(ref -> {
            assertThat(ref.getUid()).isEqualTo(fc.getMetadata().getUid());
            assertThat(ref.getKind()).isEqualTo("FlinkCluster");
            assertThat(ref.getController()).isTrue();
          });
      assertThat(KubernetesSchema.problems(o)).as(ClusterObjects.key(o)).isEmpty();
    }
    assertThat(platform.observe(resolved(fc)).revision()).isEqualTo(plan.revision());
  }

  @Test
  void turningHighAvailabilityOffRemovesItsObjects() {
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
    platform.deploy(plan(fc));
    assertThat(labelled(fc)).extracting(ClusterObjects::key).contains("Role/production-flink-ha",
        "PodDisruptionBudget/production-flink-jobmanager");

    FlinkCluster withoutHa = Seeds.parse(Seeds.read(Seeds.seed("flink-cluster.yaml")).replace("replicas: 2", "replicas: 1"),
        "test");
    withoutHa.setMetadata(fc.getMetadata());
    platform.deploy(plan(withoutHa));

    assertThat(labelled(fc)).extracting(ClusterObjects::key).doesNotContain("Role/production-flink-ha",
        "RoleBinding/production-flink-ha", "ServiceAccount/production-flink-flink",
        "PodDisruptionBudget/production-flink-jobmanager")
        .contains("Service/production-flink-jobmanager", "Deployment/production-flink-jobmanager");
  }

  @Test
  void aConfigurationChangeChangesThePodTemplateHash() {
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
    platform.deploy(plan(fc));
    String before = configHash(fc, "production-flink-taskmanager");

    var config = new java.util.TreeMap<>(fc.getSpec().flinkConfiguration());
    config.put("execution.checkpointing.interval", "1min");
    fc.setSpec(fc.getSpec().withFlinkConfiguration(config));
    platform.deploy(plan(fc));

    assertThat(configHash(fc, "production-flink-taskmanager")).isNotEqualTo(before);
    assertThat(labelled(fc)).hasSize(KubernetesModel.render(fc).objects().size());
  }

  @Test
  void scaleTearDownAndObserve() {
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "default");
    ResolvedCluster c = resolved(fc);
    platform.deploy(plan(fc));
    platform.scaleTaskManagers(c, 5);
    assertThat(tm(fc).getSpec().getReplicas()).isEqualTo(5);

    Deployment jm = api.client.apps().deployments().inNamespace("default").withName("production-flink-jobmanager").get();
    jm.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(2)
        .withReadyReplicas(1).build());
    api.client.resource(jm).updateStatus();
    var observed = platform.observe(c);
    assertThat(observed.jobManagers()).isEqualTo(2);
    assertThat(observed.jobManagersReady()).isEqualTo(1);
    assertThat(observed.taskManagersReady()).isZero();

    platform.tearDown(c);
    assertThat(platform.observe(c).exists()).isFalse();
    assertThat(api.client.configMaps().inNamespace("default").withName("production-flink-config").get()).isNotNull();
  }

  @Test
  void restAddressIsTheServiceDnsNameUnlessATemplateSaysOtherwise() {
    ResolvedCluster c = resolved(Seeds.load("flink-application.yaml"));
    assertThat(RestEndpoints.inCluster().baseUri(c)).isEqualTo(URI.create("http://streaming-job-rest.team-a.svc:8081"));
    assertThat(RestEndpoints.template("http://127.0.0.1:{port}/{namespace}/{name}").baseUri(c))
        .isEqualTo(URI.create("http://127.0.0.1:8081/team-a/streaming-job"));
    assertThat(platform.defaultSavepointDir(c)).contains("s3://my-bucket/flink-checkpoints/savepoints");
  }

  private List<HasMetadata> labelled(FlinkCluster fc) {
    return ClusterObjects.KINDS.stream().flatMap(kind -> api.client.resources(kind)
        .inNamespace(fc.getMetadata().getNamespace()).withLabels(Labels.cluster(fc.getMetadata().getName()))
        .list().getItems().stream()).map(HasMetadata.class::cast).toList();
  }

  private Deployment tm(FlinkCluster fc) {
    return api.client.apps().deployments().inNamespace(fc.getMetadata().getNamespace())
        .withName(fc.getMetadata().getName() + "-taskmanager").get();
  }

  private String configHash(FlinkCluster fc, String deployment) {
    return api.client.apps().deployments().inNamespace(fc.getMetadata().getNamespace()).withName(deployment).get()
        .getSpec().getTemplate().getMetadata().getAnnotations().get(Annotations.CONFIG_HASH);
  }

  static ResolvedCluster resolved(FlinkCluster fc) {
    return ClusterResolver.resolve(fc).orThrow();
  }

  static Plan plan(FlinkCluster fc) {
    ResolvedCluster c = resolved(fc);
    JobLaunch launch = c.isApplication() ? JobLaunch.initial(c) : null;
    return new Plan(fc, c, launch, Revisions.of(fc.getSpec(), launch));
  }
}
