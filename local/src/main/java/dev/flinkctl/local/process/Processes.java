package dev.flinkctl.local.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Small OS-level helpers shared by the process launchers. */
final class Processes {
  private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

  private Processes() {}

  /** The java running flinkctl, so Flink runs on the same Java version the user already has. */
  static String javaExecutable() {
    Path home = Path.of(System.getProperty("java.home"));
    Path java = home.resolve("bin").resolve(WINDOWS ? "java.exe" : "java");
    if (Files.isExecutable(java)) {
      return java.toString();
    }
    return ProcessHandle.current().info().command().orElse("java");
  }

  static File nullFile() {
    return new File(WINDOWS ? "NUL" : "/dev/null");
  }

  /**
   * Prefix that puts the child in its own session (util-linux setsid execs without forking, so the
   * pid stays the JVM's): it then gets no SIGHUP when the terminal closes and no SIGINT from a
   * Ctrl-C meant for a later command. Absent (macOS, Windows): the child still outlives flinkctl.
   */
  static List<String> detachPrefix() {
    if (WINDOWS) {
      return List.of();
    }
    for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
      Path setsid = Path.of(dir, "setsid");
      if (Files.isExecutable(setsid)) {
        return List.of(setsid.toString());
      }
    }
    return List.of();
  }

  /** The full command line of a process, if the OS lets us read it. */
  static Optional<String> commandLine(ProcessHandle handle) {
    ProcessHandle.Info info = handle.info();
    if (info.arguments().isPresent()) {
      return Optional.of(info.command().orElse("") + " " + String.join(" ", info.arguments().get()));
    }
    return info.commandLine();
  }
}
