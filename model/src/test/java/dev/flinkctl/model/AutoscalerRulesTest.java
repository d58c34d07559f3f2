package dev.flinkctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutoscalerRulesTest {
  private static final String JOB = "job: {jarURI: local:///opt/flink/usrlib/a.jar}\n";

  private static ClusterResolver.Result resolve(String spec) {
    return ClusterResolver.resolve(Seeds.minimal("flink:1.20", spec));
  }

  private static List<Finding> errors(String spec) {
    return resolve(spec).findings().stream().filter(Finding::isError).toList();
  }

  @Test
  void completeSectionOnAnApplicationClusterIsAccepted() {
    ClusterResolver.Result r = resolve(JOB + """
        autoscaler: {minReplicas: 1, maxReplicas: 6, targetUtilization: 70, backpressureThreshold: 50,
          lagThreshold: 1000, metricsInterval: 10s, scaleUpStabilization: 30s, scaleDownStabilization: 5min,
          cooldown: 1m}""");
    assertThat(r.findings()).filteredOn(Finding::isError).isEmpty();
    assertThat(r.cluster()).isNotNull();
  }

  @Test
  void maxReplicasIsRequired() {
    assertThat(errors(JOB + "autoscaler: {minReplicas: 2}"))
        .extracting(Finding::rule, Finding::field)
        .containsExactly(tuple("autoscaler-max-replicas-required", "spec.autoscaler.maxReplicas"));
    assertThat(resolve(JOB + "autoscaler: {minReplicas: 2}").cluster()).as("refused").isNull();
  }

  @Test
  void minAboveMaxNamesBothNumbers() {
    Finding f = errors(JOB + "autoscaler: {minReplicas: 5, maxReplicas: 3}").get(0);
    assertThat(f.rule()).isEqualTo("autoscaler-replicas-order");
    assertThat(f.field()).isEqualTo("spec.autoscaler.minReplicas");
    assertThat(f.oneLine()).contains("minReplicas 5 is above maxReplicas 3")
        .contains("set minReplicas to at most maxReplicas");
  }

  @Test
  void badDurationsNameTheirField() {
    assertThat(errors(JOB + "autoscaler: {maxReplicas: 3, scaleUpStabilization: soon, cooldown: 1 fortnight,"
        + " metricsInterval: 0s}"))
        .extracting(Finding::rule, Finding::field)
        .containsExactlyInAnyOrder(
            tuple("duration", "spec.autoscaler.scaleUpStabilization"),
            tuple("duration", "spec.autoscaler.cooldown"),
            tuple("duration", "spec.autoscaler.metricsInterval"));
  }

  @Test
  void zeroStabilizationIsAllowed() {
    assertThat(errors(JOB + "autoscaler: {maxReplicas: 3, scaleUpStabilization: 0s, cooldown: 0s}")).isEmpty();
  }

  @Test
  void sessionClusterCannotBeAutoscaled() {
    Finding f = errors("autoscaler: {maxReplicas: 3}").get(0);
    assertThat(f.rule()).isEqualTo("autoscaler-needs-job");
    assertThat(f.field()).isEqualTo("spec.autoscaler");
    assertThat(f.fix()).contains("add spec.job");
  }

  @Test
  void switchedOffSectionIsNotJudged() {
    assertThat(errors("autoscaler: {enabled: false, minReplicas: 9}")).isEmpty();
  }

  @Test
  void percentagesAndCountsOutOfRange() {
    assertThat(errors(JOB + "autoscaler: {minReplicas: 0, maxReplicas: 4, targetUtilization: 150, "
        + "backpressureThreshold: 0, lagThreshold: 0}"))
        .extracting(Finding::rule, Finding::field)
        .containsExactlyInAnyOrder(
            tuple("range", "spec.autoscaler.minReplicas"),
            tuple("range", "spec.autoscaler.targetUtilization"),
            tuple("range", "spec.autoscaler.backpressureThreshold"),
            tuple("range", "spec.autoscaler.lagThreshold"));
  }

  @Test
  void aCooldownShorterThanTheMetricsNeedToSettleIsAWarning() {
    ClusterResolver.Result r = resolve(JOB + "autoscaler: {maxReplicas: 3, cooldown: 10s}");
    assertThat(r.cluster()).as("accepted").isNotNull();
    assertThat(r.findings()).filteredOn(f -> f.rule().equals("autoscaler-short-cooldown")).singleElement()
        .satisfies(f -> {
          assertThat(f.isError()).isFalse();
          assertThat(f.field()).isEqualTo("spec.autoscaler.cooldown");
          assertThat(f.oneLine()).contains("10s is shorter than 30s", "set spec.autoscaler.cooldown to 30s or more");
        });
    assertThat(resolve(JOB + "autoscaler: {maxReplicas: 3, cooldown: 30s}").findings())
        .noneMatch(f -> f.rule().equals("autoscaler-short-cooldown"));
  }

  @Test
  void noSectionNoFindings() {
    assertThat(AutoscalerRules.check(Seeds.minimal("flink:1.20", JOB).getSpec())).isEmpty();
  }
}
