package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Labels;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.rest.FlinkJobState;
import dev.flinkctl.control.rest.HttpFlinkRestClient;
import dev.flinkctl.control.rest.JobDetails;
import dev.flinkctl.examples.VerifyOutput;
import dev.flinkctl.model.Seeds;
import dev.flinkctl.operator.kubelet.KubeletStandIn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One application's whole life driven through the Kubernetes API alone — create, a savepoint
 * upgrade, a scale through the scale subresource as KEDA and the HPA do it, delete — with the
 * operator's Deployments backed by real Flink processes through {@link KubeletStandIn}; the job's
 * output then shows nothing lost or duplicated and per-key counts continuing across the upgrade
 * and the in-place rescale.
 */
class ApplicationOnKubeletStandInTest {
  static final Duration UP = Duration.ofSeconds(90);
  static final String NS = "jobs";
  static final String NAME = "counting";
  static final Pattern COMPLETED = Pattern.compile("\"completed\"\\s*:\\s*(\\d+)");
  static final Path JOB_JAR = Seeds.root().resolve("examples/streaming-job/target/streaming-job.jar");

  /**
   * Checkpoints and savepoints on file:// paths: the local "pods" share this host's disk. No pinned
   * parallelism: the job runs at replicas x slots and follows the TaskManagers.
   */
  static String spec(Path state, Path out, String extraArgs) {
    return """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: %s, namespace: %s}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: 1, slots: 2, resources: {memory: 1280m, cpu: 1}}
          flinkConfiguration:
            execution.checkpointing.interval: 1s
            state.checkpoints.dir: %s
            state.savepoints.dir: %s
          job:
            jarURI: local:///opt/flink/usrlib/streaming-job.jar
            entryClass: dev.flinkctl.examples.CountingJob
            args: [--output, %s, --rate, "200", --keys, "4"%s]
            upgradeMode: savepoint
        """.formatted(NAME, NS, state.resolve("checkpoints").toUri(), state.resolve("savepoints").toUri(),
        out.toUri(), extraArgs);
  }

  @Test
  void deployUpgradeScaleDelete(@TempDir Path pods, @TempDir Path state, @TempDir Path out) {
    assertThat(JOB_JAR).as("the example job jar is built by the reactor before this module").exists();
    try (MockApi api = new MockApi();
        KubeletStandIn kubelet = new KubeletStandIn(api.client, pods,
            Path.of(System.getProperty("user.home"), ".flinkctl", "flink"), List.of(JOB_JAR));
        FlinkOperator operator = FlinkOperator.start(api.client, new OperatorSettings(Set.of(), null, false, "test",
            0, null, Duration.ofSeconds(60), false, 0), new RestEndpoints(c -> URI.create("http://127.0.0.1:"
            + kubelet.service(c.namespace(), c.name()).rest())))) {
      api.client.resource(Seeds.parse(spec(state, out, ""), "test")).create();
      awaitStatus(api, kubelet, "run 0 running", s -> running(s, 0));
      awaitCheckpoint(kubelet, get(api).getStatus().job().id(), 0);

      // A new program argument: the job must stop with a savepoint and resume from it.
      FlinkCluster v2 = Seeds.parse(spec(state, out, ", --name, v2"), "test");
      api.client.resources(FlinkCluster.class).inNamespace(NS).withName(NAME).edit(fc -> {
        fc.setSpec(v2.getSpec());
        return fc;
      });
      FlinkClusterStatus s = awaitStatus(api, kubelet, "run 1 running", st -> running(st, 1));
      assertThat(s.savepoints()).hasSize(1);
      assertThat(s.reconciliationOrEmpty().restorePath()).isEqualTo(s.savepoints().get(0).location());
      awaitCheckpoint(kubelet, s.job().id(), 0);

      // As KEDA's HPA does: GET the scale subresource, PUT it back with 2 replicas (without the
      // resourceVersion, which the operator's status writes may have moved on). The job must follow
      // in place: same job, no savepoint, its counting vertex at 2 TaskManagers x 2 slots.
      String jobId = s.job().id();
      Resource<FlinkCluster> cluster = api.client.resources(FlinkCluster.class).inNamespace(NS).withName(NAME);
      assertThat(cluster.scale().getSpec().getReplicas()).isEqualTo(1);
      cluster.scale(2);
      Await.until("2 TaskManager processes", UP, () -> deployment(api, "taskmanager").getSpec().getReplicas() == 2
          && kubelet.processes(NS, NAME + "-taskmanager") == 2, kubelet::diagnostics);
      FlinkClusterStatus scaled = awaitStatus(api, kubelet, "rescale completed", st -> st.rescale() != null
          && !st.rescale().inProgress());
      assertThat(scaled.rescale()).satisfies(r -> {
        assertThat(r.method()).as(r.message()).isEqualTo("in-place");
        assertThat(r.fromReplicas()).isEqualTo(1);
        assertThat(r.toReplicas()).isEqualTo(2);
        assertThat(r.fromParallelism()).isEqualTo(2);
        assertThat(r.toParallelism()).isEqualTo(4);
        assertThat(r.reason()).isEqualTo("2 TaskManagers x 2 slots = 4");
      });
      assertThat(countingParallelism(kubelet, jobId)).isEqualTo(4);
      assertThat(scaled.job().id()).as("in place: the same job").isEqualTo(jobId);
      assertThat(scaled.savepoints()).as("no savepoint for a rescale").hasSize(1);
      assertThat(scaled.reconciliationOrEmpty().run()).as("no redeploy").isEqualTo(1);
      awaitStatus(api, kubelet, "2/2 TaskManagers ready", st -> running(st, 1)
          && "2/2".equals(st.taskManager().ready()));
      awaitCheckpoint(kubelet, jobId, completedCheckpoints(kubelet, jobId));

      api.client.resources(FlinkCluster.class).inNamespace(NS).withName(NAME).delete();
      Await.until("FlinkCluster gone", UP, () -> get(api) == null, () -> String.valueOf(get(api)));
      assertThat(labelled(api)).isEmpty();
      Await.until("no Flink process left", Duration.ofSeconds(30), () -> kubelet.allProcesses() == 0);
      assertThat(operator.metrics().reconciles()).isPositive();
    }
    VerifyOutput.Report report = VerifyOutput.verify(out, 4);
    assertThat(report.ok()).as(report.toString()).isTrue();
    assertThat(report.records()).isGreaterThan(500);
  }

  /** The keyed vertex's parallelism as Flink's REST API reports it now (the source is fixed at 1). */
  private static int countingParallelism(KubeletStandIn kubelet, String jobId) {
    JobDetails details = new HttpFlinkRestClient(URI.create("http://127.0.0.1:" + kubelet.service(NS, NAME).rest()),
        Duration.ofSeconds(10)).job(jobId);
    assertThat(details.state()).isEqualTo(FlinkJobState.RUNNING);
    return details.vertices().stream().filter(v -> v.name().contains("count-per-key")).findFirst().orElseThrow()
        .parallelism();
  }

  static boolean running(FlinkClusterStatus s, long run) {
    return s.phase() == Phase.Running && s.job() != null && "RUNNING".equals(s.job().state())
        && s.reconciliationOrEmpty().run() != null && s.reconciliationOrEmpty().run() == run;
  }

  /**
   * Waits for more than {@code completed} checkpoints of the job, asking the JobManager directly:
   * the operator refreshes checkpoint info in status only on its slow poll of a steady job, and a
   * committed checkpoint is what puts output in the sink directory.
   */
  private static void awaitCheckpoint(KubeletStandIn kubelet, String jobId, long completed) {
    Await.until("checkpoint " + (completed + 1) + " of " + jobId, UP,
        () -> completedCheckpoints(kubelet, jobId) > completed);
  }

  /** Checkpoints the job completed so far, or -1 while the JobManager does not answer. */
  private static long completedCheckpoints(KubeletStandIn kubelet, String jobId) {
    URI uri = URI.create("http://127.0.0.1:" + kubelet.service(NS, NAME).rest() + "/jobs/" + jobId + "/checkpoints");
    try {
      String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = COMPLETED.matcher(body);
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static FlinkClusterStatus awaitStatus(MockApi api, KubeletStandIn kubelet, String what,
      Predicate<FlinkClusterStatus> done) {
    Await.until(what, UP, () -> get(api).getStatus() != null && done.test(get(api).getStatus()),
        () -> "status: " + get(api).getStatus() + "\n" + kubelet.diagnostics());
    return get(api).getStatus();
  }

  private static FlinkCluster get(MockApi api) {
    return api.client.resources(FlinkCluster.class).inNamespace(NS).withName(NAME).get();
  }

  private static Deployment deployment(MockApi api, String component) {
    return api.client.apps().deployments().inNamespace(NS).withName(NAME + "-" + component).get();
  }

  private static List<HasMetadata> labelled(MockApi api) {
    return ClusterObjects.KINDS.stream().flatMap(kind -> api.client.resources(kind).inNamespace(NS)
        .withLabels(Labels.cluster(NAME)).list().getItems().stream()).map(HasMetadata.class::cast).toList();
  }
}
