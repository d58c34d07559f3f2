package dev.flinkctl.model;

import dev.flinkctl.api.FlinkVersion;
import java.util.List;

/**
 * The module openings Flink needs on Java 11+. The image's own configuration carries them; ours
 * replaces that file, so without them a cluster starts but job submission fails on Java 17 with
 * an InaccessibleObjectException.
 */
public final class JvmOptions {
  /** What Flink's distribution configures for Java 17; also what flinkctl up gives every local Flink JVM. */
  public static final List<String> MODULE_OPENINGS = List.of(
      "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
      "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.text=ALL-UNNAMED",
      "--add-opens=java.base/java.time=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  /** Key that holds the openings: 2.x has a dedicated default key, 1.x shares the user's key. */
  static final String DEFAULT_OPTS_KEY_2X = "env.java.default-opts.all";
  static final String OPTS_KEY = "env.java.opts.all";

  private JvmOptions() {}

  public static String moduleOpenings() {
    return String.join(" ", MODULE_OPENINGS);
  }

  /** Java 8 refuses these flags; the official images tag Java 8 builds with "java8". */
  static boolean imageRunsJava8(String image) {
    return image != null && image.substring(image.lastIndexOf('/') + 1).contains("java8");
  }

  static String keyFor(FlinkVersion version) {
    return version.major() >= 2 ? DEFAULT_OPTS_KEY_2X : OPTS_KEY;
  }
}
