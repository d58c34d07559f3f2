package dev.flinkctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.ResolvedCluster;
import dev.flinkctl.model.Seeds;
import org.junit.jupiter.api.Test;

/** env.java.opts.* from the spec reach the local JVMs of the right role, as Flink's scripts pass them. */
class UserJvmOptionsTest {
  static ResolvedCluster cluster(String conf) {
    return ClusterResolver.resolve(Seeds.minimal("flink:1.20", "flinkConfiguration: " + conf)).orThrow();
  }

  @Test
  void allThenRoleOptionsInOrder() {
    ResolvedCluster c = cluster("""
        {env.java.opts.all: "-XX:+UseG1GC -Dwho='a b'", env.java.opts.taskmanager: "-Dtm=1", env.java.opts.jobmanager: "-Djm=1"}""");
    assertThat(LocalProcesses.userJvmOptions(c, "taskmanager-2")).containsExactly("-XX:+UseG1GC", "-Dwho=a b", "-Dtm=1");
    assertThat(LocalProcesses.userJvmOptions(c, "jobmanager-0")).containsExactly("-XX:+UseG1GC", "-Dwho=a b", "-Djm=1");
    assertThat(LocalProcesses.userJvmOptions(c, "zookeeper")).containsExactly("-XX:+UseG1GC", "-Dwho=a b");
  }

  @Test
  void theOldNameCountsToo() {
    assertThat(LocalProcesses.userJvmOptions(cluster("{env.java.opts: \"-Dx=1\"}"), "jobmanager-0"))
        .containsExactly("-Dx=1");
  }

  @Test
  void noneGivenNoneAdded() {
    assertThat(LocalProcesses.userJvmOptions(cluster("{a.b: \"1\"}"), "taskmanager-0")).isEmpty();
  }
}
