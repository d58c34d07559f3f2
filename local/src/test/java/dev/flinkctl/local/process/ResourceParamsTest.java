package dev.flinkctl.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's own memory arithmetic through BashJavaUtils, on real Flink 1.20.3 jars. */
class ResourceParamsTest {
  @TempDir
  Path dir;

  @Test
  void taskManagerParamsComeFromFlink() {
    Path home = TestClusters.home(dir, TestClusters.Ports.pick(), "1280m");
    ResourceParams params = ResourceParams.forTaskManager(TestClusters.dist(FlinkVersions.DEFAULT), home.resolve("conf"));

    assertThat(params.jvmOptions()).anyMatch(o -> o.startsWith("-Xmx")).anyMatch(o -> o.startsWith("-Xms"))
        .anyMatch(o -> o.startsWith("-XX:MaxDirectMemorySize=")).anyMatch(o -> o.startsWith("-XX:MaxMetaspaceSize="));
    assertThat(params.dynamicProperties())
        .contains("taskmanager.cpu.cores=2.0", "taskmanager.numberOfTaskSlots=2")
        .anyMatch(p -> p.startsWith("taskmanager.memory.managed.size="))
        .allMatch(p -> p.contains("="));
    assertThat(params.dynamicPropertyArgs()).hasSize(params.dynamicProperties().size() * 2).startsWith("-D");
  }

  @Test
  void jobManagerParamsComeFromFlink() {
    Path home = TestClusters.home(dir, TestClusters.Ports.pick(), "1280m");
    ResourceParams params = ResourceParams.forJobManager(TestClusters.dist(FlinkVersions.DEFAULT), home.resolve("conf"));

    // 1024m process: 1024 - 256 metaspace - 192 overhead - 128 off-heap = 448m heap.
    assertThat(params.jvmOptions()).contains("-Xmx469762048", "-Xms469762048", "-XX:MaxMetaspaceSize=268435456");
    assertThat(params.dynamicProperties()).contains("jobmanager.memory.heap.size=469762048b");
  }

  @Test
  void dynamicArgumentsOverrideTheConfigFile() {
    Path home = TestClusters.home(dir, TestClusters.Ports.pick(), "1280m");
    ResourceParams params = ResourceParams.query(ResourceParams.Kind.TASK_MANAGER,
        TestClusters.dist(FlinkVersions.DEFAULT), home.resolve("conf"), List.of("-D", "taskmanager.numberOfTaskSlots=3"));
    assertThat(params.dynamicProperties()).contains("taskmanager.numberOfTaskSlots=3");
  }

  @Test
  void aPrefetchedAnswerIsTheOneTheQueryGets() {
    Path conf = TestClusters.home(dir, TestClusters.Ports.pick(), "1280m").resolve("conf");
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    ResourceParams.prefetch(ResourceParams.Kind.TASK_MANAGER, dist, conf, List.of());

    ResourceParams first = ResourceParams.forTaskManager(dist, conf);
    assertThat(ResourceParams.forTaskManager(dist, conf)).as("one BashJavaUtils run, joined").isSameAs(first);
    assertThat(first.dynamicProperties()).contains("taskmanager.numberOfTaskSlots=2");
  }

  @Test
  void aPrefetchedRefusalReachesTheQueryWithFlinksReason() {
    Path conf = TestClusters.home(dir, TestClusters.Ports.pick(), "300m").resolve("conf");
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    ResourceParams.prefetch(ResourceParams.Kind.TASK_MANAGER, dist, conf, List.of());

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> ResourceParams.forTaskManager(dist, conf)).as("asked again, refused again")
          .isInstanceOf(FlinkConfigException.class).hasMessageContaining("exceed configured Total Process Memory");
    }
  }

  @Test
  void onlyMemoryRelatedOverridesMatter() {
    assertThat(ResourceParams.relevant(List.of("-D", "taskmanager.resource-id=tm-1", "-D", "rest.port=1",
        "-D", "taskmanager.memory.process.size=2g", "-D", "taskmanager.numberOfTaskSlots=4",
        "-D", "jobmanager.memory.heap.size=1g", "-D", "external-resources=gpu")))
        .containsExactly("-D", "taskmanager.memory.process.size=2g", "-D", "taskmanager.numberOfTaskSlots=4",
            "-D", "jobmanager.memory.heap.size=1g", "-D", "external-resources=gpu");
  }

  @Test
  void tooLittleTaskManagerMemoryIsRefusedWithFlinksReason() {
    Path home = TestClusters.home(dir, TestClusters.Ports.pick(), "300m");
    assertThatThrownBy(() -> ResourceParams.forTaskManager(TestClusters.dist(FlinkVersions.DEFAULT), home.resolve("conf")))
        .isInstanceOf(FlinkConfigException.class)
        .hasMessageContaining("TaskManager")
        .hasMessageContaining("Sum of configured JVM Metaspace (256.000mb (268435456 bytes)) and JVM Overhead "
            + "(192.000mb (201326592 bytes)) exceed configured Total Process Memory (300.000mb (314572800 bytes))")
        .hasMessageNotContaining("\tat org.apache");
  }

  @Test
  void belowTheFloorOfFixedPartsIsRefusedToo() {
    // 900m passes the metaspace+overhead check but not "fixed parts exceed flink.size" (~982m floor).
    Path home = TestClusters.home(dir, TestClusters.Ports.pick(), "900m");
    assertThatThrownBy(() -> ResourceParams.forTaskManager(TestClusters.dist(FlinkVersions.DEFAULT), home.resolve("conf")))
        .isInstanceOf(FlinkConfigException.class)
        .hasMessageContaining("TaskManager memory configuration failed");
  }

  @Test
  void parsesFlinksTwoResultLines() {
    ResourceParams params = ResourceParams.parse(
        "-Xmx301989882 -Xms301989882 -XX:MaxDirectMemorySize=221459252 -XX:MaxMetaspaceSize=268435456",
        "-D taskmanager.memory.network.min=87241524b -D taskmanager.cpu.cores=1.0 -D external-resources=none");
    assertThat(params.jvmOptions()).containsExactly(
        "-Xmx301989882", "-Xms301989882", "-XX:MaxDirectMemorySize=221459252", "-XX:MaxMetaspaceSize=268435456");
    assertThat(params.dynamicProperties()).containsExactly(
        "taskmanager.memory.network.min=87241524b", "taskmanager.cpu.cores=1.0", "external-resources=none");
    assertThat(params.dynamicPropertyArgs()).containsExactly("-D", "taskmanager.memory.network.min=87241524b",
        "-D", "taskmanager.cpu.cores=1.0", "-D", "external-resources=none");
  }

  @Test
  void reasonFallsBackToTheExceptionLineOrTheOutputTail() {
    assertThat(ResourceParams.flinkReason(
        "Exception in thread \"main\" java.lang.RuntimeException: boom\n\tat x.y(Z.java:1)\n"))
        .isEqualTo("java.lang.RuntimeException: boom");
    assertThat(ResourceParams.flinkReason("""
        Exception in thread "main" org.apache.flink.configuration.IllegalConfigurationException: TaskManager memory \
        configuration failed: Cannot read memory size from config option 'taskmanager.memory.process.size'.
        \tat org.apache.flink.runtime.util.bash.BashJavaUtils.main(BashJavaUtils.java:56)
        Caused by: org.apache.flink.configuration.IllegalConfigurationException: Cannot read memory size from \
        config option 'taskmanager.memory.process.size'.
        Caused by: java.lang.IllegalArgumentException: Could not parse value 'lots' for key 'taskmanager.memory.process.size'.
        Caused by: java.lang.NumberFormatException: text does not start with a number
        """)).isEqualTo("TaskManager memory configuration failed: Cannot read memory size from config option "
        + "'taskmanager.memory.process.size'. Could not parse value 'lots' for key 'taskmanager.memory.process.size'. "
        + "text does not start with a number");
    assertThat(ResourceParams.flinkReason("something odd\n")).isEqualTo("something odd");
    assertThat(ResourceParams.flinkReason("")).contains("without output");
  }

  @Test
  void unparsableConfigDirIsReported() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("config.yaml"), "taskmanager:\n  memory:\n    process:\n      size: lots\n");
    assertThatThrownBy(() -> ResourceParams.forTaskManager(TestClusters.dist(FlinkVersions.DEFAULT), conf))
        .isInstanceOf(FlinkConfigException.class)
        .hasMessageContaining("Could not parse value 'lots' for key 'taskmanager.memory.process.size'");
  }
}
