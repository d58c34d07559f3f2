package dev.flinkctl.operator;

import dev.flinkctl.api.Labels;
import dev.flinkctl.api.ResourceNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One cluster's objects: read from {@link OwnedObjects}, written by server-side apply under one
 * field manager, removed by label.
 */
public final class ClusterObjects {
  public static final String FIELD_MANAGER = "flinkctl";
  private static final Logger LOG = LoggerFactory.getLogger(ClusterObjects.class);

  /** Every kind the model renders, workloads first so that removing a cluster stops its pods before the rest. */
  static final List<Class<? extends HasMetadata>> KINDS = List.of(Deployment.class, PodDisruptionBudget.class,
      Service.class, ConfigMap.class, RoleBinding.class, Role.class, ServiceAccount.class);

  /** Shared by all reconciles: bounds the requests one operator has in flight for applies. */
  private static final ExecutorService APPLIERS = Executors.newFixedThreadPool(16, r -> {
    Thread t = new Thread(r, "flinkctl-apply");
    t.setDaemon(true);
    return t;
  });

  private final KubernetesClient client;
  private final OwnedObjects owned;

  /** Reading from the API server itself, for tools and tests that run without the operator's informers. */
  public ClusterObjects(KubernetesClient client) {
    this(client, OwnedObjects.api(client));
  }

  public ClusterObjects(KubernetesClient client, OwnedObjects owned) {
    this.client = client;
    this.owned = owned;
  }

  public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
    return owned.get(kind, namespace, name);
  }

  /** Applies every object, whatever is stored; see {@link #apply(List, boolean)}. */
  public List<HasMetadata> apply(List<HasMetadata> objects) {
    return apply(objects, false);
  }

  /**
   * Applies and returns what the API server stored. Objects go out in waves, each wave's requests
   * together: first what pods need to exist before they start (identity, Role, configuration,
   * Services), then the RoleBinding, whose Role must exist for Kubernetes to allow it, then the
   * workloads. Pods so never start with the previous configuration. With {@code skipUnchanged},
   * an object whose stored copy was applied from the same content ({@link AppliedHash}) is left
   * alone: a configuration change then writes the ConfigMap and the two Deployments, not all eight
   * objects. A hand edit of an object is so undone only by the next change of that object.
   */
  public List<HasMetadata> apply(List<HasMetadata> objects, boolean skipUnchanged) {
    List<HasMetadata> changed = new ArrayList<>();
    for (HasMetadata o : objects) {
      AppliedHash.stamp(o);
      if (skipUnchanged && AppliedHash.unchanged(o, owned.get(o.getClass(), o.getMetadata().getNamespace(),
          o.getMetadata().getName()))) {
        LOG.debug("{} unchanged, not applied", key(o));
      } else {
        changed.add(o);
      }
    }
    List<HasMetadata> applied = new ArrayList<>();
    for (int wave = 0; wave < 3; wave++) {
      int w = wave;
      applied.addAll(applyTogether(changed.stream().filter(o -> wave(o) == w).toList()));
    }
    return applied;
  }

  private List<HasMetadata> applyTogether(List<HasMetadata> wave) {
    if (wave.size() == 1) {
      return List.of(applyOne(wave.get(0)));
    }
    // The reconcile's logging context (the FlinkCluster's namespace and name) goes along to the pool.
    Map<String, String> context = MDC.getCopyOfContextMap();
    List<CompletableFuture<HasMetadata>> pending = wave.stream()
        .map(o -> CompletableFuture.supplyAsync(() -> withContext(context, () -> applyOne(o)), APPLIERS)).toList();
    List<HasMetadata> done = new ArrayList<>();
    for (CompletableFuture<HasMetadata> f : pending) {
      try {
        done.add(f.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    return done;
  }

  private static <T> T withContext(Map<String, String> context, Supplier<T> work) {
    if (context == null) {
      return work.get();
    }
    MDC.setContextMap(context);
    try {
      return work.get();
    } finally {
      MDC.clear();
    }
  }

  private HasMetadata applyOne(HasMetadata o) {
    // forceConflicts: flinkctl owns these objects; a hand edit of a field it sets is undone, as with render | apply.
    HasMetadata stored = client.resource(o).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    owned.written(stored);
    LOG.debug("applied {}", key(o));
    return stored;
  }

  private static int wave(HasMetadata o) {
    if (o instanceof Deployment || o instanceof PodDisruptionBudget) {
      return 2;
    }
    return o instanceof RoleBinding ? 1 : 0;
  }

  /** Deletes the cluster's labelled objects that {@code keep} does not name. */
  public void prune(String namespace, String cluster, List<HasMetadata> keep) {
    Set<String> wanted = keep.stream().map(ClusterObjects::key).collect(Collectors.toSet());
    for (Class<? extends HasMetadata> kind : KINDS) {
      for (HasMetadata existing : list(kind, namespace, cluster)) {
        if (!wanted.contains(key(existing))) {
          client.resource(existing).delete();
        }
      }
    }
  }

  /** Deletes every labelled object of the cluster; returns how many there were. */
  public int deleteAll(String namespace, String cluster) {
    int found = 0;
    for (Class<? extends HasMetadata> kind : KINDS) {
      List<? extends HasMetadata> items = list(kind, namespace, cluster);
      found += items.size();
      items.forEach(o -> client.resource(o).delete());
    }
    return found;
  }

  public void deleteWorkloads(String namespace, String cluster) {
    client.apps().deployments().inNamespace(namespace).withName(ResourceNames.jobManager(cluster)).delete();
    client.apps().deployments().inNamespace(namespace).withName(ResourceNames.taskManager(cluster)).delete();
  }

  /**
   * Sets the replicas of a Deployment, as the scale subresource would; the next apply sets the
   * same number from the spec, so the two never disagree for long.
   */
  public Optional<Deployment> scale(String namespace, String name, int replicas) {
    PatchContext merge = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE)
        .withFieldManager(FIELD_MANAGER).build();
    // The patch also drops the applied digest: the Deployment no longer is what was applied, and the
    // next deploy must write it even if the spec asks for what was applied before the scale.
    String patch = "{\"metadata\":{\"annotations\":{\"" + AppliedHash.ANNOTATION + "\":null}},"
        + "\"spec\":{\"replicas\":" + replicas + "}}";
    try {
      Deployment scaled = client.apps().deployments().inNamespace(namespace).withName(name).patch(merge, patch);
      owned.written(scaled);
      return Optional.of(scaled);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private List<? extends HasMetadata> list(Class<? extends HasMetadata> kind, String namespace, String cluster) {
    return client.resources(kind).inNamespace(namespace).withLabels(Labels.cluster(cluster)).list().getItems();
  }

  static String key(HasMetadata o) {
    return o.getKind() + "/" + o.getMetadata().getName();
  }
}
