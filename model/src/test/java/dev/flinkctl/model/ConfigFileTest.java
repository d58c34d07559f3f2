package dev.flinkctl.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.api.FlinkVersion;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
  @Test
  void flink118ReadsTheFlatLegacyFile() {
    var entries = new TreeMap<String, String>();
    entries.put("state.backend.type", "rocksdb");
    entries.put("taskmanager.numberOfTaskSlots", "2");
    ConfigFile.Rendered file = ConfigFile.render(FlinkVersion.V1_18, entries);
    assertThat(file.fileName()).isEqualTo("flink-conf.yaml");
    assertThat(file.text()).isEqualTo("state.backend.type: rocksdb\ntaskmanager.numberOfTaskSlots: 2\n");
    assertThat(file.problems()).isEmpty();
  }

  @Test
  void legacyFileCannotHoldAHash() {
    var entries = new TreeMap<String, String>();
    entries.put("env.java.opts.all", "-Dx=a#b");
    assertThat(ConfigFile.render(FlinkVersion.V1_18, entries).problems())
        .extracting(Finding::rule).containsExactly("config-legacy-value");
    assertThat(ConfigFile.render(FlinkVersion.V1_19, entries).problems()).isEmpty();
  }

  @Test
  void from119TheFileIsNestedStandardYaml() {
    var entries = new TreeMap<String, String>();
    entries.put("state.backend.type", "rocksdb");
    entries.put("state.backend.rocksdb.memory.managed", "true");
    entries.put("taskmanager.numberOfTaskSlots", "2");
    entries.put("execution.checkpointing.interval", "5min");
    ConfigFile.Rendered file = ConfigFile.render(FlinkVersion.V2_0, entries);
    assertThat(file.fileName()).isEqualTo("config.yaml");
    assertThat(file.problems()).isEmpty();
    assertThat(file.text()).isEqualTo("""
        execution:
          checkpointing:
            interval: 5min
        state:
          backend:
            rocksdb:
              memory:
                managed: true
            type: rocksdb
        taskmanager:
          numberOfTaskSlots: 2
        """);
  }

  @Test
  void aKeyThatIsBothValueAndParentIsReported() {
    var entries = new TreeMap<String, String>();
    entries.put("state.backend", "rocksdb");
    entries.put("state.backend.incremental", "true");
    ConfigFile.Rendered file = ConfigFile.render(FlinkVersion.V2_0, entries);
    assertThat(file.problems()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("config-key-clash");
      assertThat(f.field()).isEqualTo("spec.flinkConfiguration.state.backend");
      assertThat(f.message()).contains("state.backend.incremental");
    });
  }

  @Test
  void valuesThatLookLikeOtherTypesStayStrings() {
    var entries = new TreeMap<String, String>();
    entries.put("a.version", "1.20");
    entries.put("a.flag", "yes");
    entries.put("a.path", "s3://b/c?partSize=1");
    String text = ConfigFile.render(FlinkVersion.V1_20, entries).text();
    assertThat(text).contains("version: \"1.20\"", "flag: \"yes\"", "path: s3://b/c?partSize=1");
  }
}
