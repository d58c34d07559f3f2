package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.Seeds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * 1,000 FlinkClusters created by one sequential client across 20 namespaces, against the fabric8
 * mock API server, with the operator running in the same JVM. Nothing runs the pods, so no
 * JobManager ever becomes ready: the state in which an operator that polls or rewrites status on a
 * timer shows it. Half the clusters are the HA session seed, half the application seed.
 */
public final class OperatorBenchmark {
  static final int CLUSTERS = Integer.getInteger("clusters", 1000);
  static final int NAMESPACES = Integer.getInteger("namespaces", 20);
  static final Duration AT_REST = Duration.ofSeconds(Long.getLong("restSeconds", 120));
  static final int UPDATES = Integer.getInteger("updates", 200);
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private OperatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (MockApi api = new MockApi();
        KubernetesClient client = api.server.createClient(b -> b.editOrNewConfig()
            .withUserAgent(ServerSideApplyDispatcher.UNCOUNTED_AGENT).endConfig());
        ClusterWatch watch = new ClusterWatch(client)) {
      FlinkOperator operator = FlinkOperator.start(api.client, new OperatorSettings(Set.of(), null, false,
          "benchmark", 0, null, Duration.ofMinutes(1), false, 0), RestEndpoints.inCluster());
      long requestsBefore = api.dispatcher.requests.get();
      long start = System.nanoTime();
      for (int i = 0; i < CLUSTERS; i++) {
        client.resource(cluster(i)).create();
      }
      Duration creates = since(start);
      await("every cluster converged", () -> watch.converged(CLUSTERS, CLUSTERS / 2), watch::progress);
      Duration converged = since(start);
      double requestsPerCluster = (api.dispatcher.requests.get() - requestsBefore) / (double) CLUSTERS;

      Thread.sleep(2_000);
      long writesBefore = api.dispatcher.writes.get();
      long reconcilesBefore = operator.metrics().reconciles();
      Thread.sleep(AT_REST.toMillis());
      long restWrites = api.dispatcher.writes.get() - writesBefore;
      long restReconciles = operator.metrics().reconciles() - reconcilesBefore;
      double writesPerClusterHour = restWrites / (double) CLUSTERS * (3600.0 / AT_REST.toSeconds());

      long heap = heapAfterGc();
      double getMillis = medianGetMillis(client);
      double patchMillis = medianPatchMillis(client);
      api.dispatcher.startTiming();
      List<UpdateBreakdown.Window> windows = updates(client, watch);
      List<UpdateBreakdown.Share> updates = UpdateBreakdown.of(windows, api.dispatcher.stopTiming());
      operator.close();
      double applyDeploymentMillis = medianApplyMillis(client,
          j -> client.apps().deployments().inNamespace(namespace(j)).withName(name(j) + "-taskmanager").get());
      double applyConfigMapMillis = medianApplyMillis(client,
          j -> client.configMaps().inNamespace(namespace(j)).withName(name(j) + "-config").get());
      report(creates, converged, requestsPerCluster, restWrites, restReconciles, writesPerClusterHour, heap,
          new double[] {getMillis, patchMillis, applyDeploymentMillis, applyConfigMapMillis}, updates);
    }
    System.exit(0);
  }

  /** Spec change to a new config hash on the TaskManager Deployment, one cluster at a time. */
  private static List<UpdateBreakdown.Window> updates(KubernetesClient client, ClusterWatch watch)
      throws InterruptedException {
    List<UpdateBreakdown.Window> windows = new ArrayList<>();
    for (int j = 0; j < UPDATES; j++) {
      int i = (j * 7) % CLUSTERS;
      String ns = namespace(i);
      String before = watch.taskManagerHash(ns, name(i));
      long t = System.nanoTime();
      client.resources(FlinkCluster.class).inNamespace(ns).withName(name(i)).patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"spec\":{\"flinkConfiguration\":{\"execution.checkpointing.interval\":\"" + (j + 6) + "min\"}}}");
      await("cluster " + name(i) + " updated", () -> !Objects.equals(before, watch.taskManagerHash(ns, name(i))),
          () -> "");
      windows.add(new UpdateBreakdown.Window(t, System.nanoTime()));
    }
    return windows;
  }

  /** How fast the mock answers one GET once it holds every object: the unit the other times are made of. */
  private static double medianGetMillis(KubernetesClient client) {
    List<Long> micros = new ArrayList<>();
    for (int j = 0; j < 50; j++) {
      long t = System.nanoTime();
      client.apps().deployments().inNamespace(namespace(j)).withName(name(j) + "-taskmanager").get();
      micros.add((System.nanoTime() - t) / 1_000);
    }
    Collections.sort(micros);
    return micros.get(micros.size() / 2) / 1000.0;
  }

  /** The same for a write: a merge patch of a ConfigMap of the benchmark's own, which no informer of the operator sees. */
  private static double medianPatchMillis(KubernetesClient client) {
    ConfigMap probe = client.resource(new ConfigMapBuilder().withNewMetadata().withName("benchmark-probe")
        .withNamespace(namespace(0)).endMetadata().build()).create();
    List<Long> micros = new ArrayList<>();
    for (int j = 0; j < 50; j++) {
      long t = System.nanoTime();
      // On the object itself, so the client sends the PATCH without first GETting it.
      client.resource(probe).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"n\":\"" + j + "\"}}");
      micros.add((System.nanoTime() - t) / 1_000);
    }
    Collections.sort(micros);
    return micros.get(micros.size() / 2) / 1000.0;
  }

  /**
   * Once the operator has stopped: server-side apply of stored objects as they are, as the operator
   * applies them, timed by the client; the one GET that fetches each is not timed.
   */
  private static double medianApplyMillis(KubernetesClient client, IntFunction<HasMetadata> stored) {
    List<Long> micros = new ArrayList<>();
    for (int j = 0; j < 50; j++) {
      HasMetadata o = stored.apply(j);
      o.getMetadata().setManagedFields(null);
      o.getMetadata().setResourceVersion(null);
      long t = System.nanoTime();
      client.resource(o).fieldManager("benchmark-probe").forceConflicts().serverSideApply();
      micros.add((System.nanoTime() - t) / 1_000);
    }
    Collections.sort(micros);
    return micros.get(micros.size() / 2) / 1000.0;
  }

  static FlinkCluster cluster(int i) {
    FlinkCluster fc = Seeds.load(i % 2 == 0 ? "flink-application.yaml" : "flink-cluster.yaml");
    fc.getMetadata().setName(name(i));
    fc.getMetadata().setNamespace(namespace(i));
    return fc;
  }

  static String name(int i) {
    return "c" + i;
  }

  static String namespace(int i) {
    return "bench-" + (i % NAMESPACES);
  }

  private static void report(Duration creates, Duration converged, double requestsPerCluster, long restWrites,
      long restReconciles, double writesPerClusterHour, long heap, double[] mockMillis,
      List<UpdateBreakdown.Share> updates) {
    double ratio = converged.toMillis() / (double) creates.toMillis();
    List<UpdateBreakdown.Share> sorted = updates.stream()
        .sorted(Comparator.comparingDouble(UpdateBreakdown.Share::totalMs)).toList();
    UpdateBreakdown.Share median = sorted.get(sorted.size() / 2);
    UpdateBreakdown.Share slow = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    double p50 = median.totalMs();
    double p99 = slow.totalMs();
    double heapMiB = heap / 1048576.0;
    String f = "| %s | %s | %s | %s |%n";
    System.out.printf(Locale.ROOT, "%d clusters, %d namespaces, %d s at rest, %d updates, %d processors%n%n", CLUSTERS,
        NAMESPACES, AT_REST.toSeconds(), UPDATES, Runtime.getRuntime().availableProcessors());
    System.out.printf(f, "measure", "result", "target", "met");
    System.out.printf(f, "---", "---", "---", "---");
    System.out.printf(Locale.ROOT, f, "creates alone (the floor)", creates.toMillis() + " ms", "", "");
    System.out.printf(Locale.ROOT, f, "first create to all converged", converged.toMillis() + " ms ("
        + String.format(Locale.ROOT, "%.2f", ratio) + "x floor)", "<= 1.2x", ratio <= 1.2);
    System.out.printf(Locale.ROOT, f, "operator API requests per cluster, creation",
        String.format(Locale.ROOT, "%.1f", requestsPerCluster), "", "");
    System.out.printf(Locale.ROOT, f, "operator API writes at rest", restWrites + " in " + AT_REST.toSeconds()
        + " s (" + restReconciles + " reconciles) = " + String.format(Locale.ROOT, "%.2f", writesPerClusterHour)
        + " per cluster-hour", "<= 1", writesPerClusterHour <= 1);
    System.out.printf(Locale.ROOT, f, "heap after full GC (whole JVM: operator, mock server and its objects)",
        String.format(Locale.ROOT, "%.0f MiB", heapMiB), "< 256 MiB", heapMiB < 256);
    System.out.printf(Locale.ROOT, f, "mock API server at the end (median): GET, merge PATCH, apply Deployment,"
        + " apply ConfigMap", String.format(Locale.ROOT, "%.1f, %.1f, %.1f, %.1f ms", mockMillis[0], mockMillis[1],
        mockMillis[2], mockMillis[3]), "", "");
    System.out.printf(Locale.ROOT, f, "spec change to objects updated",
        String.format(Locale.ROOT, "median %.1f ms, p99 %.1f ms", p50, p99), "p99 < 200 ms", p99 < 200);
    System.out.printf(Locale.ROOT, "%nwhere an update's time went (mock server busy with the client's requests, with the"
        + " operator's, idle):%n");
    System.out.println(breakdown("median update", median));
    System.out.println(breakdown("p99 update", slow));
    System.out.println(breakdown("mean of all updates", mean(updates)));
  }

  private static String breakdown(String which, UpdateBreakdown.Share s) {
    return String.format(Locale.ROOT, "- %s: %.1f ms = client %.1f + operator %.1f (%d requests) + idle %.1f", which,
        s.totalMs(), s.clientMs(), s.operatorMs(), s.operatorRequests(), s.idleMs());
  }

  private static UpdateBreakdown.Share mean(List<UpdateBreakdown.Share> all) {
    return new UpdateBreakdown.Share(all.stream().mapToDouble(UpdateBreakdown.Share::totalMs).average().orElse(0),
        all.stream().mapToDouble(UpdateBreakdown.Share::clientMs).average().orElse(0),
        all.stream().mapToDouble(UpdateBreakdown.Share::operatorMs).average().orElse(0),
        (int) Math.round(all.stream().mapToInt(UpdateBreakdown.Share::operatorRequests).average().orElse(0)));
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void await(String what, java.util.function.BooleanSupplier condition,
      java.util.function.Supplier<String> progress) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for " + what + ": " + progress.get());
      }
      Thread.sleep(1);
    }
  }
}
