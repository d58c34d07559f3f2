package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Labels;
import dev.flinkctl.control.Reconciler;
import dev.flinkctl.control.rest.FlinkRestClient;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
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
  private volatile InformerEventSource<Deployment, FlinkCluster> deployments;

  FlinkClusterReconciler(RestEndpoints rest, Clock clock, EventRecorder events, OperatorMetrics metrics,
      Duration cleanupTimeout) {
    this.rest = rest;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.requeue = new Requeue(clock);
    this.cleanup = new ClusterCleanup(cleanupTimeout, clock, events, rest);
  }

  /** Deployments flinkctl made, mapped to their FlinkCluster by owner reference: their status changes wake the loop. */
  @Override
  public List<EventSource<?, FlinkCluster>> prepareEventSources(EventSourceContext<FlinkCluster> context) {
    deployments = new InformerEventSource<>(InformerEventSourceConfiguration.from(Deployment.class, FlinkCluster.class)
        .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.MANAGER)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(FlinkCluster.class))
        .withNamespacesInheritedFromController()
        .build(), context);
    return List.of(deployments);
  }

  @Override
  public UpdateControl<FlinkCluster> reconcile(FlinkCluster resource, Context<FlinkCluster> context) {
    long start = System.nanoTime();
    boolean ok = false;
    try {
      KubernetesPlatform platform = new KubernetesPlatform(new ClusterObjects(context.getClient()),
          new CachedDeployments(deployments, resource), rest);
      StatusUpdater writer = new StatusUpdater(resource, context);
      FlinkClusterStatus before = resource.getStatus();
      Reconciler.Step step = new Reconciler(platform, clock, FlinkRestClient::newTriggerId)
          .reconcile(resource, before, writer);
      DecisionEvents.of(before, step).forEach(note -> events.record(resource, note));
      metrics.phase(resource, step.status().phase());
      metrics.statusWrites(writer.writes());
      LOG.debug("{}/{}: {} -> {}", resource.getMetadata().getNamespace(), resource.getMetadata().getName(),
          step.action(), step.status().phase());
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
    return cleanup.cleanup(resource, context.getClient());
  }
}
