package dev.flinkctl.operator;

import dev.flinkctl.api.ResourceNames;
import dev.flinkctl.control.Deployment;
import dev.flinkctl.control.Plan;
import dev.flinkctl.control.Platform;
import dev.flinkctl.control.PlatformException;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.ResolvedCluster;
import dev.flinkctl.model.kubernetes.KubernetesModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kubernetes platform: a cluster is the model's objects, server-side applied under one field
 * manager; what runs is read from the JobManager and TaskManager Deployments.
 */
public final class KubernetesPlatform implements Platform {
  /** On both Deployments: the control loop's plan revision they were applied from. */
  public static final String REVISION = "flink.apache.org/revision";
  /** On the JobManager Deployment: every object of the last apply, so a deploy knows whether any may need removing. */
  public static final String OBJECTS = "flink.apache.org/objects";

  private final ClusterObjects objects;
  private final RestEndpoints rest;

  public KubernetesPlatform(ClusterObjects objects, RestEndpoints rest) {
    this.objects = objects;
    this.rest = rest;
  }

  @Override
  public Deployment observe(ResolvedCluster cluster) {
    var jm = workload(cluster.namespace(), ResourceNames.jobManager(cluster.name()));
    var tm = workload(cluster.namespace(), ResourceNames.taskManager(cluster.name()));
    if (jm.isEmpty() || tm.isEmpty()) {
      return Deployment.none();
    }
    // Both carry the revision: a deploy cut short between the two leaves them different, which
    // reads as "not deployed" and makes the control loop apply the plan again.
    String revision = revision(jm.get());
    if (!Objects.equals(revision, revision(tm.get()))) {
      revision = null;
    }
    String failure = Optional.ofNullable(failure(jm.get())).orElse(failure(tm.get()));
    return new Deployment(revision, count(jm.get().getStatus() == null ? null : jm.get().getStatus().getReplicas()),
        ready(jm.get()), count(tm.get().getStatus() == null ? null : tm.get().getStatus().getReplicas()),
        ready(tm.get()), failure);
  }

  private Optional<io.fabric8.kubernetes.api.model.apps.Deployment> workload(String namespace, String name) {
    return objects.get(io.fabric8.kubernetes.api.model.apps.Deployment.class, namespace, name);
  }

  @Override
  public void deploy(Plan plan) {
    KubernetesModel.Rendered rendered = KubernetesModel.render(plan.resource(), c -> plan.launch());
    ResolvedCluster c = rendered.cluster();
    Optional<io.fabric8.kubernetes.api.model.apps.Deployment> before =
        workload(c.namespace(), ResourceNames.jobManager(c.name()));
    List<HasMetadata> wanted = rendered.objects();
    String keys = String.join(",", wanted.stream().map(ClusterObjects::key).sorted().toList());
    for (HasMetadata o : wanted) {
      if (o instanceof io.fabric8.kubernetes.api.model.apps.Deployment) {
        annotate(o, REVISION, plan.revision());
        if (o.getMetadata().getName().equals(ResourceNames.jobManager(c.name()))) {
          annotate(o, OBJECTS, keys);
        }
      }
    }
    String previous = before.map(d -> d.getMetadata().getAnnotations()).map(a -> a.get(OBJECTS)).orElse(null);
    boolean sameObjects = keys.equals(previous);
    try {
      // Unchanged objects are skipped only while the set of objects stays the same: after HA was
      // turned off and on again, the caches may still hold the copies the first change deleted.
      objects.apply(wanted, sameObjects);
      // A first deploy has nothing to remove, nor has one that renders the same objects as the last;
      // otherwise drop what the spec stopped asking for (HA turned off).
      if (before.isPresent() && !sameObjects) {
        objects.prune(c.namespace(), c.name(), wanted);
      }
    } catch (KubernetesClientException e) {
      throw new PlatformException("applying " + c.name() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void scaleTaskManagers(ResolvedCluster cluster, int replicas) {
    try {
      objects.scale(cluster.namespace(), ResourceNames.taskManager(cluster.name()), replicas);
    } catch (KubernetesClientException e) {
      throw new PlatformException("scaling " + cluster.name() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void tearDown(ResolvedCluster cluster) {
    try {
      objects.deleteWorkloads(cluster.namespace(), cluster.name());
    } catch (KubernetesClientException e) {
      throw new PlatformException("stopping " + cluster.name() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<FlinkRestClient> rest(ResolvedCluster cluster) {
    return Optional.of(rest.client(cluster));
  }

  @Override
  public Optional<String> restUrl(ResolvedCluster cluster) {
    return Optional.of(rest.baseUri(cluster).toString());
  }

  /**
   * Pods have no shared disk, so savepoints go next to the checkpoints, as the HA storage directory
   * does; without a checkpoint directory there is no durable place and savepoints need one set.
   */
  @Override
  public Optional<String> defaultSavepointDir(ResolvedCluster cluster) {
    return defaultSavepointDir(cluster.flinkConfiguration());
  }

  static Optional<String> defaultSavepointDir(Map<String, String> flinkConfiguration) {
    String checkpoints = flinkConfiguration.get(ConfigKeys.CHECKPOINT_DIR);
    if (checkpoints == null || checkpoints.isBlank()) {
      return Optional.empty();
    }
    String dir = checkpoints.contains("?") ? checkpoints.substring(0, checkpoints.indexOf('?')) : checkpoints;
    while (dir.endsWith("/") && !dir.endsWith("//")) {
      dir = dir.substring(0, dir.length() - 1);
    }
    return Optional.of(dir + "/savepoints");
  }

  private static void annotate(HasMetadata o, String key, String value) {
    if (o.getMetadata().getAnnotations() == null) {
      o.getMetadata().setAnnotations(new java.util.TreeMap<>());
    }
    o.getMetadata().getAnnotations().put(key, value);
  }

  static String revision(io.fabric8.kubernetes.api.model.apps.Deployment d) {
    Map<String, String> annotations = d.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(REVISION);
  }

  private static int ready(io.fabric8.kubernetes.api.model.apps.Deployment d) {
    return d.getStatus() == null ? 0 : count(d.getStatus().getReadyReplicas());
  }

  private static int count(Integer n) {
    return n == null ? 0 : n;
  }

  /** What the Deployment controller reports as stuck: a progress deadline passed, or pods cannot be created. */
  private static String failure(io.fabric8.kubernetes.api.model.apps.Deployment d) {
    if (d.getStatus() == null || d.getStatus().getConditions() == null) {
      return null;
    }
    for (DeploymentCondition condition : d.getStatus().getConditions()) {
      boolean stuck = "Progressing".equals(condition.getType()) && "False".equals(condition.getStatus())
          || "ReplicaFailure".equals(condition.getType()) && "True".equals(condition.getStatus());
      if (stuck) {
        return d.getMetadata().getName() + ": " + condition.getReason() + ": " + condition.getMessage();
      }
    }
    return null;
  }
}
