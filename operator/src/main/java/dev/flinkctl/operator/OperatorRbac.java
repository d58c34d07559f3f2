package dev.flinkctl.operator;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator may do, and nothing more. Where it creates a Role for Flink's HA it must hold
 * every permission that Role grants (Kubernetes refuses to let it escalate), hence watch on configmaps.
 */
final class OperatorRbac {
  /** Watch too: the operator keeps every kind it applies in an informer, to skip applies that change nothing. */
  private static final String[] WRITE = {"get", "list", "watch", "create", "patch", "update", "delete"};

  private OperatorRbac() {}

  /** In every watched namespace: FlinkClusters and the objects rendered for them. */
  static List<PolicyRule> clusters() {
    return List.of(
        rule("flink.apache.org", "flinkclusters", "get", "list", "watch", "patch", "update"),
        rule("flink.apache.org", "flinkclusters/status", "get", "patch", "update"),
        rule("flink.apache.org", "flinkclusters/finalizers", "update"),
        rule("apps", "deployments", "get", "list", "watch", "create", "patch", "update", "delete"),
        rule("", "configmaps", "get", "list", "watch", "create", "patch", "update", "delete"),
        rule("", "services", WRITE),
        rule("", "serviceaccounts", WRITE),
        rule("rbac.authorization.k8s.io", "roles", WRITE),
        rule("rbac.authorization.k8s.io", "rolebindings", WRITE),
        rule("policy", "poddisruptionbudgets", WRITE),
        // Deletion waits until no Flink pod is left that could write HA ConfigMaps again.
        rule("", "pods", "list"),
        rule("", "events", "get", "create", "patch"));
  }

  /** In the operator's own namespace: the leader-election lease, and the webhook's certificate. */
  static List<PolicyRule> own(boolean webhook, String secretName) {
    List<PolicyRule> rules = new ArrayList<>();
    rules.add(rule("coordination.k8s.io", "leases", "get", "create", "update"));
    if (webhook) {
      rules.add(rule("", "secrets", "create"));
      rules.add(new PolicyRuleBuilder().withApiGroups("").withResources("secrets").withResourceNames(secretName)
          .withVerbs("get", "update").build());
    }
    return rules;
  }

  /** Cluster-wide, only with the webhook: its own configuration, to put the CA bundle in. */
  static List<PolicyRule> webhookConfiguration(String name) {
    return List.of(new PolicyRuleBuilder().withApiGroups("admissionregistration.k8s.io")
        .withResources("validatingwebhookconfigurations").withResourceNames(name).withVerbs("get", "patch").build());
  }

  private static PolicyRule rule(String group, String resource, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verbs).build();
  }
}
