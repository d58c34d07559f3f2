package dev.flinkctl.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** Where the platform reads the objects it applies: the API directly, or the operator's informer caches. */
public interface OwnedObjects {
  <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name);

  /** Told about each object the platform just wrote, so a cache can serve it before its watch event arrives. */
  default void written(HasMetadata object) {}

  /** Reads straight from the API server: one GET per call. For tests and one-off tools, not for the operator. */
  static OwnedObjects api(KubernetesClient client) {
    return new OwnedObjects() {
      @Override
      public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
        return Optional.ofNullable(client.resources(kind).inNamespace(namespace).withName(name).get());
      }
    };
  }
}
