package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.Seeds;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

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
      List<Long> updates = updates(client, watch);
      operator.close();
      report(creates, converged, requestsPerCluster, restWrites, restReconciles, writesPerClusterHour, heap, getMillis,
          updates);
    }
    System.exit(0);
  }

  /** Spec change to a new config hash on the TaskManager Deployment, one cluster at a time. */
  private static List<Long> updates(KubernetesClient client, ClusterWatch watch) throws InterruptedException {
    List<Long> micros = new ArrayList<>();
    for (int j = 0; j < UPDATES; j++) {
      int i = (j * 7) % CLUSTERS;
      String ns = namespace(i);
      String before = watch.taskManagerHash(ns, name(i));
      long t = System.nanoTime();
      client.resources(FlinkCluster.class).inNamespace(ns).withName(name(i)).patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"spec\":{\"flinkConfiguration\":{\"execution.checkpointing.interval\":\"" + (j + 6) + "min\"}}}");
      await("cluster " + name(i) + " updated", () -> !Objects.equals(before, watch.taskManagerHash(ns, name(i))),
          () -> "");
      micros.add((System.nanoTime() - t) / 1_000);
    }
    Collections.sort(micros);
    return micros;
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
      long restReconciles, double writesPerClusterHour, long heap, double getMillis, List<Long> updates) {
    double ratio = converged.toMillis() / (double) creates.toMillis();
    double p50 = updates.get(updates.size() / 2) / 1000.0;
    double p99 = updates.get((int) Math.ceil(updates.size() * 0.99) - 1) / 1000.0;
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
    System.out.printf(Locale.ROOT, f, "mock API server, one GET at the end (median)",
        String.format(Locale.ROOT, "%.1f ms", getMillis), "", "");
    System.out.printf(Locale.ROOT, f, "spec change to objects updated",
        String.format(Locale.ROOT, "median %.1f ms, p99 %.1f ms", p50, p99), "p99 < 200 ms", p99 < 200);
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
