package dev.flinkctl.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {
  @Test
  void splitsOnWhitespaceLikeTheScripts() {
    assertThat(JvmOptions.split("  -Xss1m\t-XX:+UseG1GC \n -Dx=1 ")).containsExactly("-Xss1m", "-XX:+UseG1GC", "-Dx=1");
    assertThat(JvmOptions.split("")).isEmpty();
    assertThat(JvmOptions.split(null)).isEmpty();
  }

  @Test
  void keepsQuotedPartsTogether() {
    assertThat(JvmOptions.split("-Dgreeting=\"hello world\" -Dother='a b' -Dempty=\"\""))
        .containsExactly("-Dgreeting=hello world", "-Dother=a b", "-Dempty=");
  }

  @Test
  void theJava17ListOpensWhatJobsNeed() {
    assertThat(JvmOptions.JAVA_17_OPENS).contains("--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
  }
}
