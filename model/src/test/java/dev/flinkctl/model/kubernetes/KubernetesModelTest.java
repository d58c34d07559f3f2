package dev.flinkctl.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flinkctl.api.Annotations;
import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.Labels;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.InvalidSpecException;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.ManifestWriter;
import dev.flinkctl.model.Seeds;
import dev.flinkctl.model.schema.KubernetesSchema;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesModelTest {
  static Stream<FlinkCluster> allSpecs() {
    return GoldenTest.specs().map(a -> Seeds.parse(Seeds.read((Path) a.get()[1]), (String) a.get()[0]));
  }

  static KubernetesModel.Rendered render(String seed) {
    return KubernetesModel.render(Seeds.load(seed));
  }

  static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  static Container main(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @ParameterizedTest
  @MethodSource("allSpecs")
  void everyObjectPassesTheKubernetesSchema(FlinkCluster cluster) {
    for (HasMetadata o : KubernetesModel.render(cluster).objects()) {
      KubernetesSchema.assertValid(o);
    }
  }

  @ParameterizedTest
  @MethodSource("allSpecs")
  void everyObjectReadsBackStrictlyIntoTheFabric8Model(FlinkCluster cluster) throws Exception {
    ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    for (HasMetadata o : KubernetesModel.render(cluster).objects()) {
      String json = ManifestWriter.json(o);
      HasMetadata back = strict.readValue(json, o.getClass());
      assertThat(UnknownFields.in(back)).as("fields the fabric8 model does not know in %s", o.getKind()).isEmpty();
      assertThat(ManifestWriter.json(back)).isEqualTo(json);
    }
  }

  @ParameterizedTest
  @MethodSource("allSpecs")
  void renderingIsDeterministic(FlinkCluster cluster) {
    String first = ManifestWriter.yaml(KubernetesModel.render(cluster).objects());
    for (int i = 0; i < 5; i++) {
      FlinkCluster again = Seeds.parse(ManifestWriter.yaml(cluster), "again");
      assertThat(ManifestWriter.yaml(KubernetesModel.render(again).objects())).isEqualTo(first);
    }
  }

  @Test
  void haSessionClusterHasRbacBudgetAndStandbysAdvertisingTheirIp() {
    var r = render("flink-cluster.yaml");
    List<HasMetadata> objects = r.objects();
    assertThat(objects).extracting(HasMetadata::getKind).containsExactly("ServiceAccount", "Role", "RoleBinding",
        "ConfigMap", "Service", "Deployment", "Deployment", "PodDisruptionBudget");
    Role role = find(objects, Role.class, "production-flink-ha");
    assertThat(role.getRules().get(0).getResources()).containsExactly("configmaps");
    assertThat(role.getRules().get(0).getVerbs())
        .containsExactlyInAnyOrder("get", "list", "watch", "create", "update", "delete");
    Deployment jm = find(objects, Deployment.class, "production-flink-jobmanager");
    assertThat(jm.getSpec().getReplicas()).isEqualTo(2);
    assertThat(jm.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(main(jm).getArgs()).containsSubsequence("-D", "jobmanager.rpc.address=$(POD_IP)");
    assertThat(main(jm).getArgs()).contains("high-availability.cluster-id=$(POD_NAMESPACE)/production-flink");
    assertThat(jm.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("production-flink-flink");
    assertThat(find(objects, PodDisruptionBudget.class, "production-flink-jobmanager").getSpec().getMinAvailable()
        .getIntVal()).isEqualTo(1);
    assertThat(r.config().entries()).containsEntry("high-availability.type", "kubernetes")
        .containsEntry("high-availability.storageDir", "s3://my-bucket/flink-checkpoints/ha")
        .containsEntry("kubernetes.cluster-id", "production-flink")
        .doesNotContainKey("jobmanager.rpc.address");
    assertThat(r.findings()).extracting(Finding::rule).contains("config-derived");
  }

  @Test
  void seedPortsAndSlotsAreExplicit() {
    var config = render("flink-cluster.yaml").config().entries();
    assertThat(config).containsEntry("jobmanager.rpc.port", "6123").containsEntry("blob.server.port", "6124")
        .containsEntry("rest.port", "8081").containsEntry("taskmanager.rpc.port", "6122")
        .containsEntry("taskmanager.numberOfTaskSlots", "2")
        .containsEntry("metrics.reporter.prom.port", "9249")
        .containsEntry("state.checkpoints.dir", "s3://my-bucket/flink-checkpoints");
  }

  @Test
  void podsRunAsFlinkUserWithRequestsAndLimits() {
    Deployment tm = find(render("flink-cluster.yaml").objects(), Deployment.class, "production-flink-taskmanager");
    var pod = tm.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(9999L);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    var res = main(tm).getResources();
    assertThat(res.getRequests().get("memory").toString()).isEqualTo("4096Mi");
    assertThat(res.getLimits().get("memory").toString()).isEqualTo("4096Mi");
    assertThat(res.getRequests().get("cpu").toString()).isEqualTo("2");
  }

  @Test
  void tunedSeedKeepsHostNetworkAndDnsPolicy() {
    Deployment tm = find(render("flink-cluster-tuned.yaml").objects(), Deployment.class,
        "production-flink-taskmanager");
    var pod = tm.getSpec().getTemplate().getSpec();
    assertThat(pod.getHostNetwork()).isTrue();
    assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
    assertThat(main(tm).getName()).isEqualTo("taskmanager");
  }

  @Test
  void applicationClusterRunsStandaloneJobWithFixedJobId() {
    var r = render("flink-application.yaml");
    Deployment jm = find(r.objects(), Deployment.class, "streaming-job-jobmanager");
    String jobId = JobLaunch.jobId("team-a", "streaming-job", 0);
    assertThat(main(jm).getArgs()).containsExactly("standalone-job", "--job-classname", "com.example.StreamingJob",
        "--job-id", jobId);
    assertThat(jobId).matches("[0-9a-f]{32}");
    assertThat(r.config().entries()).containsEntry("parallelism.default", "4");
    assertThat(r.objects()).extracting(HasMetadata::getKind).doesNotContain("Role", "PodDisruptionBudget");
    Service rpc = find(r.objects(), Service.class, "streaming-job-jobmanager");
    assertThat(rpc.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(6123, 6124);
    assertThat(r.objects()).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("team-a"));
  }

  @Test
  void launchDecidesJobIdAndRestorePath() {
    var cluster = Seeds.load("flink-application.yaml");
    var r = KubernetesModel.render(cluster, c -> new JobLaunch("0123456789abcdef0123456789abcdef", "s3://sp/1", true));
    assertThat(main(find(r.objects(), Deployment.class, "streaming-job-jobmanager")).getArgs())
        .containsSubsequence("--job-id", "0123456789abcdef0123456789abcdef", "--fromSavepoint", "s3://sp/1",
            "--allowNonRestoredState");
  }

  @Test
  void flink2UsesConfigYamlNewKeysAndNoHostFlag() {
    FlinkCluster cluster = Seeds.parse(Seeds.read(GoldenTest.SPECS.resolve("flink2-application-ha.yaml")), "f2");
    var r = KubernetesModel.render(cluster);
    ConfigMap cm = find(r.objects(), ConfigMap.class, "orders-config");
    assertThat(cm.getData()).containsKey("config.yaml").doesNotContainKey("flink-conf.yaml");
    String conf = cm.getData().get("config.yaml");
    assertThat(conf).contains("checkpointing:", "savepoint-dir: s3://flink/savepoints", "dir: s3://flink/checkpoints")
        .doesNotContain("state.checkpoints.dir");
    assertThat(r.config().entries()).containsEntry("state.backend.type", "rocksdb")
        .containsEntry("execution.checkpointing.dir", "s3://flink/checkpoints")
        .containsKey("env.java.default-opts.all")
        .doesNotContainKey("state.backend").doesNotContainKey("env.java.opts.all");
    Deployment jm = find(r.objects(), Deployment.class, "orders-jobmanager");
    assertThat(main(jm).getArgs()).doesNotContain("--host").containsSequence("--topic", "orders")
        .containsSubsequence("--fromSavepoint", "s3://flink/savepoints/savepoint-1", "--allowNonRestoredState");
    assertThat(main(jm).getArgs().indexOf("--topic")).as("program args come last")
        .isGreaterThan(main(jm).getArgs().indexOf("jobmanager.rpc.address=$(POD_IP)"));
  }

  @Test
  void userTemplateMergesContainersByNameAndKeepsSelectorLabels() {
    FlinkCluster cluster = Seeds.parse(Seeds.read(GoldenTest.SPECS.resolve("flink2-application-ha.yaml")), "f2");
    Deployment tm = find(KubernetesModel.render(cluster).objects(), Deployment.class, "orders-taskmanager");
    var template = tm.getSpec().getTemplate();
    assertThat(template.getMetadata().getLabels()).containsEntry("team", "payments")
        .containsAllEntriesOf(Labels.selector("orders", Labels.TASKMANAGER));
    assertThat(template.getSpec().getNodeSelector()).containsEntry("pool", "flink");
    assertThat(template.getSpec().getContainers()).extracting(Container::getName)
        .containsExactly("taskmanager", "log-shipper");
    Container taskmanager = template.getSpec().getContainers().get(0);
    assertThat(taskmanager.getImage()).isEqualTo("flink:2.0.0-java17");
    assertThat(taskmanager.getEnv()).extracting(e -> e.getName()).containsExactly("POD_IP", "POD_NAMESPACE", "TZ");
  }

  @Test
  void aConfigChangeChangesThePodTemplateHash() {
    FlinkCluster a = Seeds.load("flink-application.yaml");
    FlinkCluster b = Seeds.load("flink-application.yaml");
    var conf = new java.util.TreeMap<>(b.getSpec().flinkConfiguration());
    conf.put("execution.checkpointing.interval", "1min");
    b.setSpec(b.getSpec().withFlinkConfiguration(conf));
    String hashA = hash(a);
    assertThat(hashA).isEqualTo(hash(Seeds.load("flink-application.yaml")));
    assertThat(hash(b)).isNotEqualTo(hashA);
  }

  private static String hash(FlinkCluster c) {
    Deployment tm = find(KubernetesModel.render(c).objects(), Deployment.class, c.getMetadata().getName()
        + "-taskmanager");
    return tm.getSpec().getTemplate().getMetadata().getAnnotations().get(Annotations.CONFIG_HASH);
  }

  @Test
  void ownerReferencesWhenTheResourceHasAUid() {
    FlinkCluster c = Seeds.load("flink-application.yaml");
    assertThat(KubernetesModel.render(c).objects())
        .allSatisfy(o -> assertThat(o.getMetadata().getOwnerReferences()).isNullOrEmpty());
    c.getMetadata().setUid("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    assertThat(KubernetesModel.render(c).objects()).allSatisfy(o -> {
      var ref = o.getMetadata().getOwnerReferences().get(0);
      assertThat(ref.getUid()).isEqualTo("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
      assertThat(ref.getKind()).isEqualTo("FlinkCluster");
      assertThat(ref.getController()).isTrue();
      assertThat(o.getMetadata().getLabels()).containsEntry(Labels.INSTANCE, "streaming-job")
          .containsEntry(Labels.MANAGED_BY, "flinkctl");
    });
  }

  @Test
  void haWithoutAnyStorageIsRefused() {
    FlinkCluster c = Seeds.minimal("flink:1.20", "jobManager: {replicas: 2}");
    assertThatThrownBy(() -> KubernetesModel.render(c)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.errors()).extracting(Finding::rule).containsExactly("ha-storage-required"));
  }

  @Test
  void nonNumericPortIsRefused() {
    FlinkCluster c = Seeds.minimal("flink:1.20", "flinkConfiguration: {rest.port: \"8081-8090\", taskmanager.rpc.port: any}");
    assertThatThrownBy(() -> KubernetesModel.render(c)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.errors()).extracting(Finding::field)
            .containsExactly("spec.flinkConfiguration.taskmanager.rpc.port"));
  }

  @Test
  void badPodTemplateNamesItsField() {
    FlinkCluster c = Seeds.minimal("flink:1.20", "taskManager: {template: {spec: {containers: 3}}}");
    assertThatThrownBy(() -> KubernetesModel.render(c)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.errors()).extracting(Finding::field).containsExactly("spec.taskManager.template"));
  }

  @Test
  void jarMustBeInTheImage() {
    FlinkCluster remote = Seeds.minimal("flink:1.20", "job: {jarURI: \"https://repo/job.jar\"}");
    assertThatThrownBy(() -> KubernetesModel.render(remote)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.errors()).extracting(Finding::rule).containsExactly("job-jar-kubernetes"));
    FlinkCluster elsewhere = Seeds.minimal("flink:1.20", "job: {jarURI: \"local:///opt/flink/lib/job.jar\"}");
    assertThat(KubernetesModel.render(elsewhere).findings()).extracting(Finding::rule).contains("job-jar-usrlib");
  }
}
