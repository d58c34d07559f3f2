package dev.flinkctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The detached control loop of {@code flinkctl up -d}: a flinkctl JVM of its own that outlives the
 * command, found again through its pid file.
 */
public final class BackgroundSupervisor {
  private BackgroundSupervisor() {}

  /** The supervisor's process, when one runs for this cluster. */
  public static Optional<ProcessHandle> find(LocalLayout layout, String cluster) {
    Path pidFile = layout.supervisorPid(cluster);
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(h -> h.info().commandLine().map(c -> c.contains(marker(cluster))).orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Starts {@code java -cp <this classpath> <main> supervise NAME} in a new session, so that
   * neither closing the terminal nor Ctrl-C in it stops the loop.
   */
  public static ProcessHandle start(LocalLayout layout, String cluster, String mainClass) {
    List<String> cmd = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      cmd.add(setsid.toString());
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // First on the command line: the kernel's copy of a long command line may be cut short.
    cmd.add(marker(cluster));
    cmd.add("-Xmx256m");
    cmd.add("-Dflinkctl.home=" + layout.root().toAbsolutePath());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.add("supervise");
    cmd.add(cluster);
    try {
      Files.createDirectories(layout.logs(cluster));
      Process p = new ProcessBuilder(cmd)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.supervisorLog(cluster).toFile()))
          .redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      Files.writeString(layout.supervisorPid(cluster), Long.toString(p.pid()));
      return p.toHandle();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the background supervisor: " + e.getMessage(), e);
    }
  }

  private static String marker(String cluster) {
    return "-Dflinkctl.supervise=" + cluster;
  }

  /**
   * Held by a running supervisor for its whole life, so that a second one for the same cluster
   * (a race between two ups) exits at once instead of acting twice.
   */
  public static java.nio.channels.FileLock lock(LocalLayout layout, String cluster) {
    try {
      Files.createDirectories(layout.cluster(cluster));
      java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
          layout.cluster(cluster).resolve("supervisor.lock"), java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.WRITE);
      java.nio.channels.FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
      }
      return lock;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the loop (not the Flink processes: they keep running until torn down). */
  public static void stop(LocalLayout layout, String cluster) {
    find(layout, cluster).ifPresent(h -> {
      h.destroy();
      h.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
        h.destroyForcibly();
        return h;
      }).join();
    });
    try {
      Files.deleteIfExists(layout.supervisorPid(cluster));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
