package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.Seeds;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;

/**
 * A fabric8 mock API server in CRUD mode, with server-side apply and the scale subresource, and the
 * FlinkCluster CRD installed.
 */
final class MockApi implements AutoCloseable {
  final ServerSideApplyDispatcher dispatcher = new ServerSideApplyDispatcher();
  final KubernetesMockServer server;
  final KubernetesClient client;

  MockApi() {
    CustomResourceDefinition crd = crd();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new ScaleSubresourceDispatcher(dispatcher, dispatcher, crd), false);
    server.init();
    client = server.createClient();
    client.resource(crd).create();
  }

  private static CustomResourceDefinition crd() {
    try (InputStream in = Files.newInputStream(Seeds.root().resolve("deploy/crds/flinkclusters.flink.apache.org-v1.yml"))) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A seed manifest as an API server would hold it: created, so with uid, generation and namespace. */
  FlinkCluster createSeed(String file, String namespace) {
    FlinkCluster seed = Seeds.load(file);
    if (seed.getMetadata().getNamespace() == null) {
      seed.getMetadata().setNamespace(namespace);
    }
    return client.resource(seed).create();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
