package dev.flinkctl.model.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flinkctl.api.ServiceType;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.ResolvedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Production hygiene: the kind of cluster, and what it exposes on the network. */
final class HygieneRules {
  /** Keys that only make sense for one job: in a session cluster they apply to every job submitted. */
  static final List<String> JOB_KEYS = List.of("execution.savepoint.path", "pipeline.jars", "pipeline.classpaths",
      "$internal.application.main", "$internal.pipeline.job-id");

  private HygieneRules() {}

  static List<Finding> check(RuleContext ctx) {
    List<Finding> findings = new ArrayList<>();
    sessionForProduction(ctx).ifPresent(findings::add);
    if (!ctx.cluster().isApplication() && ctx.reactive()) {
      findings.add(Rule.REACTIVE_NEEDS_APPLICATION.at(ctx.field("scheduler-mode"),
          "Flink refuses to start a session cluster in reactive mode (\"reactive mode is only supported by"
              + " standalone application clusters\")",
          "add spec.job to make it an application cluster, or remove scheduler-mode"));
    }
    return findings;
  }

  static List<Finding> checkKubernetes(RuleContext ctx) {
    List<Finding> findings = new ArrayList<>();
    restExposed(ctx).ifPresent(findings::add);
    hostNetworkDns(ctx.cluster().jobManager().template(), "spec.jobManager.template").ifPresent(findings::add);
    hostNetworkDns(ctx.cluster().taskManager().template(), "spec.taskManager.template").ifPresent(findings::add);
    return findings;
  }

  /**
   * Seed article 1: beginners run production jobs on a session cluster and its jobs fight over
   * resources; seed article 2: slots isolate memory, not CPU, and one job can take a TaskManager
   * and every other job on it down.
   */
  private static Optional<Finding> sessionForProduction(RuleContext ctx) {
    ResolvedCluster c = ctx.cluster();
    if (c.isApplication()) {
      return Optional.empty();
    }
    List<String> signs = new ArrayList<>();
    if (c.highAvailability()) {
      signs.add("jobManager.replicas " + c.jobManager().replicas() + " (high availability)");
    }
    JOB_KEYS.stream().filter(ctx::isSet).forEach(k -> signs.add(k + " (applies to every job submitted)"));
    if (signs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Rule.SESSION_CLUSTER_PRODUCTION.at("spec.job",
        "a session cluster set up for production use: " + String.join(", ", signs) + ". Its jobs share"
            + " TaskManagers, whose slots isolate memory but not CPU, and a job that crashes a TaskManager takes the"
            + " others' tasks with it",
        "run each production job as an application cluster: add spec.job (jarURI, entryClass) to a FlinkCluster"
            + " of its own"));
  }

  /** Seed article 1: keep the REST service ClusterIP rather than NodePort. */
  private static Optional<Finding> restExposed(RuleContext ctx) {
    ServiceType type = ctx.cluster().jobManager().serviceType();
    if (type == ServiceType.ClusterIP) {
      return Optional.empty();
    }
    boolean submitOff = ctx.bool("web.submit.enable").map(b -> !b).orElse(false);
    String where = type == ServiceType.NodePort ? "on a port of every node" : "through a cloud load balancer";
    return Optional.of(Rule.REST_EXPOSED.at("spec.jobManager.service.type",
        "the REST API and web UI are reachable " + where + "; they have no authentication, and anyone who reaches"
            + " them can cancel jobs" + (submitOff ? "" : " and upload and run any jar (web.submit.enable is on)"),
        "use ClusterIP and kubectl port-forward, or an Ingress with authentication; at least set"
            + " web.submit.enable: \"false\""));
  }

  /** Seed article 1's hostNetwork TaskManagers need ClusterFirstWithHostNet to resolve Service names. */
  private static Optional<Finding> hostNetworkDns(JsonNode template, String field) {
    if (template == null || !template.path("spec").path("hostNetwork").asBoolean(false)) {
      return Optional.empty();
    }
    String dns = template.path("spec").path("dnsPolicy").asText("");
    if (dns.equals("ClusterFirstWithHostNet") || dns.equals("None")) {
      return Optional.empty();
    }
    return Optional.of(Rule.HOST_NETWORK_DNS.at(field + ".spec.dnsPolicy",
        "hostNetwork: true without dnsPolicy: ClusterFirstWithHostNet makes the pod resolve names with the node's"
            + " DNS, which does not know Services such as the JobManager's, so Flink cannot reach it",
        "add dnsPolicy: ClusterFirstWithHostNet next to hostNetwork: true"));
  }
}
