package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's informers on what it applies: one per kind a cluster is made of, each limited to
 * objects labelled as managed by flinkctl and mapped to their FlinkCluster by owner reference.
 * Deployments wake the control loop, since their status is what it observes. The other kinds only
 * serve as caches of what was last applied ({@link AppliedHash}); their events are dropped, as a
 * reconcile they woke would find nothing to do.
 */
final class OwnedInformers {
  private final Map<Class<?>, InformerEventSource<?, FlinkCluster>> sources = new LinkedHashMap<>();

  OwnedInformers(EventSourceContext<FlinkCluster> context) {
    for (Class<? extends HasMetadata> kind : ClusterObjects.KINDS) {
      sources.put(kind, informer(kind, context));
    }
  }

  List<EventSource<?, FlinkCluster>> eventSources() {
    return List.copyOf(sources.values());
  }

  /** The caches as one cluster's reconcile sees them: what it writes is attributed to that cluster. */
  OwnedObjects of(FlinkCluster primary) {
    ResourceID id = ResourceID.fromResource(primary);
    return new OwnedObjects() {
      @Override
      public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
        return informer(kind).get(new ResourceID(name, namespace));
      }

      @Override
      public void written(HasMetadata object) {
        remember(informer(object.getClass()), id, object);
      }
    };
  }

  private static <T extends HasMetadata> InformerEventSource<T, FlinkCluster> informer(Class<T> kind,
      EventSourceContext<FlinkCluster> context) {
    var config = InformerEventSourceConfiguration.from(kind, FlinkCluster.class)
        .withName(kind.getSimpleName())
        .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.MANAGER)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(FlinkCluster.class))
        .withNamespacesInheritedFromController();
    if (kind != Deployment.class) {
      config.withGenericFilter(o -> false);
    }
    return new InformerEventSource<>(config.build(), context);
  }

  @SuppressWarnings("unchecked")
  private <T extends HasMetadata> InformerEventSource<T, FlinkCluster> informer(Class<T> kind) {
    InformerEventSource<?, FlinkCluster> informer = sources.get(kind);
    if (informer == null) {
      throw new IllegalArgumentException("no informer for " + kind.getSimpleName());
    }
    return (InformerEventSource<T, FlinkCluster>) informer;
  }

  /**
   * Hands a just-written object to the informer's short-lived cache of recent writes, so the next
   * read sees it even before its watch event arrives, and that event wakes no reconcile of its own.
   */
  private static <T extends HasMetadata> void remember(InformerEventSource<T, FlinkCluster> informer,
      ResourceID primary, HasMetadata object) {
    T written = informer.resourceType().cast(object);
    Optional<T> before = informer.get(ResourceID.fromResource(written));
    if (before.isPresent()) {
      informer.handleRecentResourceUpdate(primary, written, before.get());
    } else {
      informer.handleRecentResourceCreate(primary, written);
    }
  }
}
