package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.control.Autoscaling;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.control.rest.FlinkRestClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JOSDK's entry point, kept thin: each reconcile runs one step of the shared control loop over the
 * Kubernetes platform, then records Events and decides when to look again. The finalizer's work is
 * in {@link ClusterCleanup}.
 */
@ControllerConfiguration(name = FlinkClusterReconciler.NAME)
public final class FlinkClusterReconciler
    implements io.javaoperatorsdk.operator.api.reconciler.Reconciler<FlinkCluster>, Cleaner<FlinkCluster> {
  static final String NAME = "flinkcluster";
  private static final Logger LOG = LoggerFactory.getLogger(FlinkClusterReconciler.class);

  private final RestEndpoints rest;
  private final Clock clock;
  private final EventRecorder events;
  private final OperatorMetrics metrics;
  private final Requeue requeue;
  private final ClusterCleanup cleanup;
  private final Autoscaling autoscaling;
  private volatile OwnedInformers owned;

  FlinkClusterReconciler(KubernetesClient client, RestEndpoints rest, Clock clock, EventRecorder events,
      OperatorMetrics metrics, Duration cleanupTimeout) {
    this.rest = rest;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.requeue = new Requeue(clock);
    this.cleanup = new ClusterCleanup(cleanupTimeout, clock, events, rest);
    this.autoscaling = new Autoscaling((resource, replicas) -> setReplicas(client, resource, replicas));
  }

  /**
   * The autoscaler writes the field kubectl scale, HPA and KEDA write, so its decision takes the
   * path every capacity change takes, and shows in the spec as any other would.
   */
  static void setReplicas(KubernetesClient client, FlinkCluster resource, int replicas) {
    client.resources(FlinkCluster.class).inNamespace(resource.getMetadata().getNamespace())
        .withName(resource.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"taskManager\":{\"replicas\":" + replicas + "}}}");
  }

  /** The objects flinkctl made: Deployment status changes wake the loop, every kind is read from cache. */
  @Override
  public List<EventSource<?, FlinkCluster>> prepareEventSources(EventSourceContext<FlinkCluster> context) {
    owned = new OwnedInformers(context);
    return owned.eventSources();
  }

  @Override
  public UpdateControl<FlinkCluster> reconcile(FlinkCluster resource, Context<FlinkCluster> context) {
    long start = System.nanoTime();
    boolean ok = false;
    try {
      KubernetesPlatform platform = new KubernetesPlatform(
          new ClusterObjects(context.getClient(), owned.of(resource)), rest);
      StatusUpdater writer = new StatusUpdater(resource, context);
      FlinkClusterStatus before = resource.getStatus();
      Reconciler.Step step = new Reconciler(platform, clock, FlinkRestClient::newTriggerId, autoscaling)
          .reconcile(resource, before, writer);
      // Lines logged here need not name the cluster: JOSDK puts its namespace and name in the MDC.
      for (DecisionEvents.Note note : DecisionEvents.of(before, step)) {
        LOG.info("{}: {}", note.reason(), note.message());
        events.record(resource, note);
      }
      metrics.phase(resource, step.status().phase());
      metrics.statusWrites(writer.writes());
      LOG.debug("{} -> {}, {} status writes", step.action().getClass().getSimpleName(), step.status().phase(),
          writer.writes());
      ok = true;
      return requeue.after(resource, before, step)
          .map(d -> UpdateControl.<FlinkCluster>noUpdate().rescheduleAfter(d.toMillis()))
          .orElseGet(UpdateControl::noUpdate);
    } finally {
      metrics.reconciled(Duration.ofNanos(System.nanoTime() - start), ok);
    }
  }

  @Override
  public DeleteControl cleanup(FlinkCluster resource, Context<FlinkCluster> context) {
    requeue.forget(resource);
    metrics.forget(resource);
    autoscaling.forget(resource);
    return cleanup.cleanup(resource, context.getClient());
  }
}
