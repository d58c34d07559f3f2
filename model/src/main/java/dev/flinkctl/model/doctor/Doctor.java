package dev.flinkctl.model.doctor;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.InvalidSpecException;
import dev.flinkctl.model.ResolvedCluster;
import dev.flinkctl.model.Severity;
import dev.flinkctl.model.kubernetes.KubernetesModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * flinkctl doctor: what Flink would refuse at startup, and the seed articles' tuning rules, as
 * findings before anything is deployed. ClusterResolver runs {@link #check} and KubernetesModel
 * runs {@link #checkKubernetes}, so render, up and the operator refuse the same specs.
 */
public final class Doctor {
  /** Annotation on a FlinkCluster giving its Kafka source topic's partition count, e.g. "8". */
  public static final String KAFKA_PARTITIONS_ANNOTATION = KafkaRules.PARTITIONS_ANNOTATION;

  private Doctor() {}

  /**
   * Everything flinkctl doctor reports on one FlinkCluster.
   *
   * @param findings errors first, then warnings, then notes
   * @param jobManager Flink's memory split, when Flink accepts the JobManager's memory settings
   */
  public record Report(String cluster, List<Finding> findings, Optional<MemoryBreakdown> jobManager,
      Optional<MemoryBreakdown> taskManager) {
    public Report {
      findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
      return findings.stream().anyMatch(Finding::isError);
    }

    public boolean hasWarnings() {
      return findings.stream().anyMatch(f -> f.severity() == Severity.WARNING);
    }
  }

  /** The rules that hold wherever the cluster runs. */
  public static List<Finding> check(FlinkCluster resource, ResolvedCluster cluster) {
    RuleContext ctx = new RuleContext(resource, cluster);
    List<Finding> findings = new ArrayList<>();
    findings.addAll(MemoryRules.check(ctx));
    findings.addAll(ParallelismRules.check(ctx));
    findings.addAll(KafkaRules.check(ctx));
    findings.addAll(CheckpointRules.check(ctx));
    findings.addAll(HaRules.check(ctx));
    findings.addAll(HygieneRules.check(ctx));
    findings.addAll(ConfigKeyRules.check(ctx));
    return findings;
  }

  /** The rules about Kubernetes: where state is stored, and what the pods expose. */
  public static List<Finding> checkKubernetes(FlinkCluster resource, ResolvedCluster cluster) {
    RuleContext ctx = new RuleContext(resource, cluster);
    List<Finding> findings = new ArrayList<>(StorageRules.check(ctx));
    findings.addAll(HygieneRules.checkKubernetes(ctx));
    return findings;
  }

  /** Everything render would say about the cluster, and the memory Flink would give each process. */
  public static Report examine(FlinkCluster resource) {
    String name = resource.getMetadata() == null ? null : resource.getMetadata().getName();
    List<Finding> findings;
    ResolvedCluster cluster;
    try {
      KubernetesModel.Rendered rendered = KubernetesModel.render(resource);
      findings = rendered.findings();
      cluster = rendered.cluster();
    } catch (InvalidSpecException e) {
      findings = e.findings();
      cluster = null;
    }
    if (cluster == null) {
      return new Report(name, sorted(findings), Optional.empty(), Optional.empty());
    }
    RuleContext ctx = new RuleContext(resource, cluster);
    return new Report(name, sorted(findings), MemoryRules.jobManager(ctx), MemoryRules.taskManager(ctx));
  }

  private static List<Finding> sorted(List<Finding> findings) {
    return findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
  }
}
