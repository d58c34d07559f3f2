package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {
  @Test
  void inAPodItElectsALeaderAndWatchesWhatItIsTold() {
    var s = OperatorSettings.fromEnvironment(Map.of("POD_NAMESPACE", "flinkctl-system", "HOSTNAME", "op-1",
        "FLINKCTL_WATCH_NAMESPACES", "team-a, team-b,", "FLINKCTL_WEBHOOK", "true"));
    assertThat(s.watchNamespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(s.leaderElection()).isTrue();
    assertThat(s.identity()).isEqualTo("op-1");
    assertThat(s.webhook()).isTrue();
    assertThat(s.cleanupTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void outsideAClusterItWatchesEverythingAloneAndCanReachFlinkThroughATemplate() {
    var s = OperatorSettings.fromEnvironment(Map.of("FLINKCTL_REST_URL_TEMPLATE", "http://localhost:{port}"));
    assertThat(s.watchNamespaces()).isEmpty();
    assertThat(s.leaderElection()).isFalse();
    assertThat(s.restEndpoints().baseUri(KubernetesPlatformTest.resolved(dev.flinkctl.model.Seeds.load(
        "flink-application.yaml")))).hasToString("http://localhost:8081");
  }
}
