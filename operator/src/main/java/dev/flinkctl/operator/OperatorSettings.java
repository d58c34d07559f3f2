package dev.flinkctl.operator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one operator process runs, from environment variables (the Deployment that install prints
 * sets them).
 *
 * @param watchNamespaces the namespaces whose FlinkClusters it manages; empty means all
 * @param ownNamespace where its lease and webhook Secret live; null outside a cluster (java -jar)
 * @param leaderElection on by default inside a cluster, so a second replica waits instead of competing
 * @param identity this replica's name in the lease: the pod name
 * @param restUrlTemplate overrides the REST Service address, e.g. "http://localhost:{port}" for a port-forward
 */
public record OperatorSettings(Set<String> watchNamespaces, String ownNamespace, boolean leaderElection,
    String identity, int httpPort, String restUrlTemplate, Duration cleanupTimeout, boolean webhook, int webhookPort) {

  public static final String NAME = "flinkctl-operator";

  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    String ns = blankToNull(env.get("POD_NAMESPACE"));
    Set<String> watch = Arrays.stream(env.getOrDefault("FLINKCTL_WATCH_NAMESPACES", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    boolean election = Boolean.parseBoolean(env.getOrDefault("FLINKCTL_LEADER_ELECTION", Boolean.toString(ns != null)));
    String identity = env.getOrDefault("HOSTNAME", "flinkctl-" + ProcessHandle.current().pid());
    return new OperatorSettings(watch, ns, election, identity,
        Integer.parseInt(env.getOrDefault("FLINKCTL_HTTP_PORT", "8080")),
        blankToNull(env.get("FLINKCTL_REST_URL_TEMPLATE")),
        Duration.parse(env.getOrDefault("FLINKCTL_CLEANUP_TIMEOUT", "PT5M")),
        Boolean.parseBoolean(env.getOrDefault("FLINKCTL_WEBHOOK", "false")),
        Integer.parseInt(env.getOrDefault("FLINKCTL_WEBHOOK_PORT", "9443")));
  }

  RestEndpoints restEndpoints() {
    return restUrlTemplate == null ? RestEndpoints.inCluster() : RestEndpoints.template(restUrlTemplate);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
