package dev.flinkctl.operator;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** Where the platform reads Deployments: the API directly, or the operator's informer cache. */
public interface DeploymentReader {
  Optional<Deployment> get(String namespace, String name);

  /** Told about each Deployment the platform just wrote, so a cache can serve it before its watch event arrives. */
  default void applied(Deployment deployment) {}

  /** Reads straight from the API server: one GET per call. */
  static DeploymentReader api(KubernetesClient client) {
    return (namespace, name) ->
        Optional.ofNullable(client.apps().deployments().inNamespace(namespace).withName(name).get());
  }
}
