package dev.flinkctl.operator;

import dev.flinkctl.api.ResourceNames;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.HttpFlinkRestClient;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.ResolvedCluster;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where the operator reaches each cluster's REST API. In a cluster that is the REST Service's DNS
 * name; a developer running the operator outside (java -jar against a kubeconfig) or a test points
 * it elsewhere. Clients are kept per address because each owns an HTTP connection pool.
 */
public final class RestEndpoints {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final Function<ResolvedCluster, URI> resolver;
  private final Map<URI, FlinkRestClient> clients = new ConcurrentHashMap<>();

  public RestEndpoints(Function<ResolvedCluster, URI> resolver) {
    this.resolver = resolver;
  }

  /** http://NAME-rest.NAMESPACE.svc:PORT, with the port the cluster's configuration gives. */
  public static RestEndpoints inCluster() {
    return new RestEndpoints(c -> URI.create("http://" + ResourceNames.rest(c.name()) + "." + c.namespace() + ".svc:"
        + restPort(c)));
  }

  /** A template with {name}, {namespace} and {port}, e.g. for a port-forward or a proxy. */
  public static RestEndpoints template(String template) {
    return new RestEndpoints(c -> URI.create(template.replace("{name}", c.name())
        .replace("{namespace}", c.namespace()).replace("{port}", Integer.toString(restPort(c)))));
  }

  public URI baseUri(ResolvedCluster cluster) {
    return resolver.apply(cluster);
  }

  public FlinkRestClient client(ResolvedCluster cluster) {
    return clients.computeIfAbsent(baseUri(cluster), uri -> new HttpFlinkRestClient(uri, TIMEOUT));
  }

  /** Drops the client of a deleted cluster. */
  public void forget(ResolvedCluster cluster) {
    clients.remove(baseUri(cluster));
  }

  /** The rest.port the model renders into the Service: the user's first port of a range, else 8081. */
  static int restPort(ResolvedCluster c) {
    String value = c.flinkConfiguration().getOrDefault(ConfigKeys.REST_PORT, "8081");
    String first = value.contains("-") ? value.substring(0, value.indexOf('-')) : value;
    try {
      return Integer.parseInt(first.trim());
    } catch (NumberFormatException e) {
      return 8081;
    }
  }
}
