package dev.flinkctl.local;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.TaskManagerSpec;
import dev.flinkctl.control.Autoscaling;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.ResolvedCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the shared control loop over locally stored clusters, and restarts dead processes first,
 * as Kubernetes would before the operator looks. What {@code flinkctl up} runs in the foreground
 * and a detached supervisor runs in the background.
 */
public final class Supervisor {
  private final LocalStore store;
  private final LocalPlatform platform;
  private final Reconciler reconciler;
  private final Consumer<String> progress;

  public Supervisor(LocalStore store, LocalPlatform platform, Clock clock, Consumer<String> progress) {
    this.store = store;
    this.platform = platform;
    this.reconciler = new Reconciler(platform, clock, FlinkRestClient::newTriggerId,
        new Autoscaling((resource, replicas) -> setReplicas(resource.getMetadata().getName(), replicas)));
    this.progress = progress;
  }

  public LocalPlatform platform() {
    return platform;
  }

  /** The autoscaler's decision goes where {@code flinkctl scale} puts it: the stored spec. */
  private void setReplicas(String name, int replicas) {
    store.patch(name, spec -> spec.withTaskManager(Objects.requireNonNullElse(spec.taskManager(),
        new TaskManagerSpec(null, null, null, null)).withReplicas(replicas)));
    progress.accept(name + ": autoscaler set TaskManagers to " + replicas);
  }

  /** One pass over one cluster. */
  public Reconciler.Step step(String name) {
    FlinkCluster cluster = store.cluster(name)
        .orElseThrow(() -> new IllegalArgumentException("no cluster named " + name));
    FlinkClusterStatus before = store.status(name).orElse(null);
    Optional<ResolvedCluster> resolved = Optional.ofNullable(ClusterResolver.resolve(cluster).cluster());
    if (resolved.isPresent() && (before == null || before.phase() != Phase.Suspended)) {
      platform.heal(resolved.get());
    }
    Reconciler.Step step = reconciler.reconcile(cluster, before, s -> store.writeStatus(name, s));
    if (resolved.isPresent() && !resolved.get().isApplication() && step.status().phase() == Phase.Running) {
      new SessionJobs(store, platform).reconcile(resolved.get());
    }
    return step;
  }

  /** Steps every cluster until {@code stop} says so, sleeping as long as the steps ask. */
  public void run(Collection<String> names, BooleanSupplier stop) {
    while (!stop.getAsBoolean()) {
      Duration next = Duration.ofSeconds(5);
      for (String name : names) {
        try {
          Reconciler.Step step = step(name);
          next = step.next().compareTo(next) < 0 ? step.next() : next;
        } catch (RuntimeException e) {
          progress.accept(name + ": " + e.getMessage());
          next = Duration.ofSeconds(2);
        }
      }
      sleep(next);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
