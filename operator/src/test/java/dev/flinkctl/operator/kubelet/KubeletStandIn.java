package dev.flinkctl.operator.kubelet;

import dev.flinkctl.api.Labels;
import dev.flinkctl.local.process.FlinkDistribution;
import dev.flinkctl.local.process.FlinkVersions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * TEST ONLY: plays the kubelet and the Deployment controller for FlinkCluster Deployments on a mock
 * API server, so that what the operator creates is backed by real Flink processes of the local
 * platform. It polls the Deployments flinkctl manages; for each it keeps as many local "pods" as
 * spec.replicas asks, replaces them all when the pod template changes (as Recreate would; a
 * rolling TaskManager update ends the same for this purpose), stops them when the Deployment goes,
 * and writes the Deployment status the operator reads readiness from.
 */
public final class KubeletStandIn implements AutoCloseable {
  static final long POLL_MILLIS = 300;

  private final KubernetesClient client;
  private final Path root;
  private final Path flinkCache;
  private final List<Path> usrlib;
  private final Map<String, ServicePorts> services = new ConcurrentHashMap<>();
  private final Map<String, Pods> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "kubelet-stand-in");
    t.setDaemon(true);
    return t;
  });
  private volatile String lastError;
  private int podSequence;

  /** The processes of one Deployment, and the pod template they were started from. */
  private record Pods(String template, List<FlinkPod> pods) {}

  /**
   * @param root where each pod gets its own FLINK_HOME
   * @param flinkCache the local platform's cache of Flink distributions, standing in for image pulls
   * @param usrlib what the image holds in /opt/flink/usrlib
   */
  public KubeletStandIn(KubernetesClient client, Path root, Path flinkCache, List<Path> usrlib) {
    this.client = client;
    this.root = root;
    this.flinkCache = flinkCache;
    this.usrlib = List.copyOf(usrlib);
    loop.scheduleWithFixedDelay(this::syncSafely, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The stand-in REST Service of a cluster: where the operator must send its REST calls. */
  public ServicePorts service(String namespace, String cluster) {
    return services.computeIfAbsent(namespace + "/" + cluster, k -> ServicePorts.pick());
  }

  /** How many live processes back a Deployment. */
  public long processes(String namespace, String deployment) {
    Pods pods = running.get(namespace + "/" + deployment);
    return pods == null ? 0 : pods.pods().stream().filter(FlinkPod::alive).count();
  }

  public long allProcesses() {
    return running.values().stream().flatMap(p -> p.pods().stream()).filter(FlinkPod::alive).count();
  }

  /** The last sync failure and the logs of pods that died, for assertion messages. */
  public String diagnostics() {
    StringBuilder s = new StringBuilder("last error: " + lastError);
    running.forEach((k, p) -> p.pods().stream().filter(pod -> !pod.alive())
        .forEach(pod -> s.append("\n").append(pod.name).append(" died:\n").append(pod.logTail())));
    return s.toString();
  }

  private void syncSafely() {
    try {
      sync();
    } catch (RuntimeException e) {
      lastError = e.toString();
    }
  }

  private void sync() {
    List<Deployment> deployments = client.apps().deployments().inAnyNamespace()
        .withLabel(Labels.MANAGED_BY, Labels.MANAGER).list().getItems();
    Set<String> present = deployments.stream().map(KubeletStandIn::key).collect(Collectors.toSet());
    for (String gone : new ArrayList<>(running.keySet())) {
      if (!present.contains(gone)) {
        stopAll(running.remove(gone));
      }
    }
    for (Deployment d : deployments) {
      sync(d);
    }
  }

  private void sync(Deployment d) {
    String key = key(d);
    String template = Serialization.asJson(d.getSpec().getTemplate());
    Pods pods = running.get(key);
    if (pods != null && !pods.template().equals(template)) {
      // Recreate: old pods are gone before new ones start, so two JobManagers never run one job.
      stopAll(running.remove(key));
      pods = null;
    }
    if (pods == null) {
      pods = new Pods(template, new CopyOnWriteArrayList<>());
      running.put(key, pods);
    }
    int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    while (pods.pods().size() > wanted) {
      pods.pods().remove(pods.pods().size() - 1).stop();
    }
    if (pods.pods().size() < wanted) {
      ConfigMap config = configMap(d);
      Container container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
      FlinkDistribution dist = FlinkDistribution.resolve(FlinkVersions.fullVersion(imageVersion(container)),
          flinkCache, m -> { });
      ServicePorts service = service(d.getMetadata().getNamespace(), d.getMetadata().getLabels().get(Labels.INSTANCE));
      while (pods.pods().size() < wanted) {
        String name = d.getMetadata().getName() + "-" + (++podSequence);
        pods.pods().add(FlinkPod.start(name, container, config, service, dist,
            root.resolve(d.getMetadata().getNamespace()).resolve(name), usrlib));
      }
    }
    writeStatus(d, pods);
  }

  /** Writes status only when it changed, as the Deployment controller does. */
  private void writeStatus(Deployment d, Pods pods) {
    int replicas = pods.pods().size();
    int ready = (int) pods.pods().stream().filter(FlinkPod::ready).count();
    DeploymentCondition available = new DeploymentConditionBuilder().withType("Available")
        .withStatus(ready == replicas ? "True" : "False")
        .withReason(ready == replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable").build();
    DeploymentStatus status = new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(ready).withAvailableReplicas(ready)
        .withConditions(available).build();
    if (Objects.equals(status, d.getStatus())) {
      return;
    }
    d.setStatus(status);
    try {
      client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).updateStatus();
    } catch (KubernetesClientException e) {
      lastError = "status of " + key(d) + ": " + e.getMessage(); // a conflict: the next poll retries
    }
  }

  private ConfigMap configMap(Deployment d) {
    Volume volume = d.getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getConfigMap() != null).findFirst()
        .orElseThrow(() -> new IllegalStateException(key(d) + " mounts no ConfigMap"));
    return Objects.requireNonNull(client.configMaps().inNamespace(d.getMetadata().getNamespace())
        .withName(volume.getConfigMap().getName()).get(), "ConfigMap " + volume.getConfigMap().getName());
  }

  /** "flink:1.20" → "1.20": the image's Flink version picks the distribution, as pulling it would. */
  static String imageVersion(Container container) {
    String image = container.getImage();
    String tag = image.substring(image.lastIndexOf(':') + 1);
    return tag.split("-")[0];
  }

  private static String key(Deployment d) {
    return d.getMetadata().getNamespace() + "/" + d.getMetadata().getName();
  }

  private static void stopAll(Pods pods) {
    if (pods != null) {
      pods.pods().parallelStream().forEach(FlinkPod::stop);
    }
  }

  /** Stops the loop, then every process it started. */
  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Map<String, Pods> all = new HashMap<>(running);
    running.clear();
    all.values().forEach(KubeletStandIn::stopAll);
  }
}
