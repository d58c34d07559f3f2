package dev.flinkctl.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkVersion;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {
  @Test
  void checkpointDirUsesTheNameEachVersionDocuments() {
    assertThat(ConfigKeys.forVersion("state.checkpoints.dir", FlinkVersion.V1_18)).isEqualTo("state.checkpoints.dir");
    assertThat(ConfigKeys.forVersion("state.checkpoints.dir", FlinkVersion.V1_19)).isEqualTo("state.checkpoints.dir");
    assertThat(ConfigKeys.forVersion("state.checkpoints.dir", FlinkVersion.V1_20))
        .isEqualTo("execution.checkpointing.dir");
    assertThat(ConfigKeys.forVersion("execution.checkpointing.dir", FlinkVersion.V1_18))
        .isEqualTo("state.checkpoints.dir");
  }

  @Test
  void typeKeysReplaceTheirParentsEverywhere() {
    for (FlinkVersion v : FlinkVersion.SUPPORTED) {
      assertThat(ConfigKeys.forVersion("state.backend", v)).isEqualTo("state.backend.type");
      assertThat(ConfigKeys.forVersion("high-availability", v)).isEqualTo("high-availability.type");
      assertThat(ConfigKeys.forVersion("restart-strategy", v)).isEqualTo("restart-strategy.type");
    }
    assertThat(ConfigKeys.forVersion("rest.port", FlinkVersion.V2_0)).isEqualTo("rest.port");
  }

  @Test
  void canonicalNameIsTheOldest() {
    assertThat(ConfigKeys.canonical("execution.checkpointing.savepoint-dir")).isEqualTo("state.savepoints.dir");
    assertThat(ConfigKeys.canonical("state.savepoints.dir")).isEqualTo("state.savepoints.dir");
  }
}
