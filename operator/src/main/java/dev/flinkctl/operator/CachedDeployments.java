package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Optional;

/**
 * Deployments from the operator's informer: observing a cluster costs no API request. The
 * informer is synced before any reconcile runs, so a miss means the Deployment does not exist;
 * what the platform just wrote is handed to the informer's recent-write cache so the next
 * reconcile does not see the version from before the write.
 */
final class CachedDeployments implements DeploymentReader {
  private final InformerEventSource<Deployment, FlinkCluster> informer;
  private final ResourceID primary;

  CachedDeployments(InformerEventSource<Deployment, FlinkCluster> informer, FlinkCluster primary) {
    this.informer = informer;
    this.primary = ResourceID.fromResource(primary);
  }

  @Override
  public Optional<Deployment> get(String namespace, String name) {
    return informer.get(new ResourceID(name, namespace));
  }

  @Override
  public void applied(Deployment deployment) {
    Optional<Deployment> before = informer.get(ResourceID.fromResource(deployment));
    if (before.isPresent()) {
      informer.handleRecentResourceUpdate(primary, deployment, before.get());
    } else {
      informer.handleRecentResourceCreate(primary, deployment);
    }
  }
}
