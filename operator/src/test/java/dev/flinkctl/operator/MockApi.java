package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.Seeds;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;

/** A fabric8 mock API server in CRUD mode, with server-side apply, and the FlinkCluster CRD installed. */
final class MockApi implements AutoCloseable {
  final ServerSideApplyDispatcher dispatcher = new ServerSideApplyDispatcher();
  final KubernetesMockServer server;
  final KubernetesClient client;

  MockApi() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init();
    client = server.createClient();
    try (InputStream crd = Files.newInputStream(Seeds.root().resolve("deploy/crds/flinkclusters.flink.apache.org-v1.yml"))) {
      client.resource(client.apiextensions().v1().customResourceDefinitions().load(crd).item()).create();
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
