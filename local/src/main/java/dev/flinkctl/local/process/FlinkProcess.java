package dev.flinkctl.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Flink (or ZooKeeper) JVM on this machine, started like Flink's scripts start it, and not tied
 * to the JVM that started it: a later flinkctl invocation finds it again through its pid file.
 */
public final class FlinkProcess {
  /** JVM option that tags our processes; attach() checks it so a recycled pid is not mistaken. */
  static final String MARKER_PROPERTY = "-Dflinkctl.process=";

  private static final int KEPT_OUT_FILES = 5;

  private final String role;
  private final ProcessHandle handle;
  private final Process process; // null when attached: only the starting JVM sees the exit code
  private final Path pidFile;
  private final Path logFile;

  private FlinkProcess(String role, ProcessHandle handle, Process process, Path pidFile, Path logFile) {
    this.role = role;
    this.handle = handle;
    this.process = process;
    this.pidFile = pidFile;
    this.logFile = logFile;
  }

  /**
   * Starts the JVM and returns at once; readiness (REST answering, TaskManager registered) is the
   * caller's to poll. For JobManager and TaskManager main classes the memory options come from
   * Flink's BashJavaUtils, so a configuration Flink rejects fails here with {@link FlinkConfigException}.
   */
  public static FlinkProcess start(LaunchSpec spec) {
    try {
      return launch(spec);
    } catch (IOException e) {
      throw new FlinkProcessException("could not start " + spec.role() + ": " + e, e);
    }
  }

  private static FlinkProcess launch(LaunchSpec spec) throws IOException {
    Optional<FlinkProcess> running = attach(spec.pidFile());
    if (running.isPresent()) {
      // Starting a second one would overwrite the pid file and leave the first running, untracked.
      throw new FlinkProcessException(spec.role() + " already runs (pid " + running.get().pid() + "); stop it first");
    }
    Path conf = spec.confDir();
    Files.createDirectories(conf);
    Files.createDirectories(spec.logFile().getParent());
    Path plugins = Files.createDirectories(spec.flinkHome().resolve("plugins"));
    Path log4j = conf.resolve("log4j.properties");
    if (!Files.exists(log4j)) {
      writeDefaultLog4j(log4j);
    }
    Path libLink = linkLib(spec.flinkHome(), spec.dist());

    List<String> args = new ArrayList<>();
    List<String> command = new ArrayList<>(Processes.detachPrefix());
    command.add(Processes.javaExecutable());
    command.add(MARKER_PROPERTY + marker(spec));
    command.addAll(JvmOptions.JAVA_17_OPENS);
    Optional<ResourceParams.Kind> kind = Entrypoints.kindOf(spec.mainClass());
    if (kind.isPresent()) {
      ResourceParams params =
          ResourceParams.query(kind.get(), spec.dist(), conf, Entrypoints.dynamicArgsIn(spec.args()));
      command.addAll(params.jvmOptions());
      // Flink's scripts put the derived settings first, so explicit -D arguments still win.
      args.addAll(params.dynamicPropertyArgs());
    }
    args.addAll(spec.args());
    command.addAll(spec.extraJvmOptions());
    command.add("-Dlog.file=" + spec.logFile());
    command.add("-Dlog4j.configuration=" + log4j.toUri()); // log4j 1 API bridge, as Flink's scripts
    command.add("-Dlog4j.configurationFile=" + log4j.toUri());
    command.add("-cp");
    command.add(spec.dist().lib().resolve("*").toString());
    command.add(spec.mainClass());
    command.addAll(args);

    Path out = spec.outFile();
    rotate(out);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(spec.flinkHome().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(Processes.nullFile()));
    Map<String, String> env = builder.environment();
    env.put("FLINK_HOME", spec.flinkHome().toString());
    env.put("FLINK_CONF_DIR", conf.toString());
    // Flink finds usrlib/ as FLINK_LIB_DIR's sibling (ClusterEntrypointUtils), so FLINK_LIB_DIR
    // must be this cluster's lib/, which links to the shared jars; the JVM's -cp uses them directly.
    env.put("FLINK_LIB_DIR", libLink.toString());
    env.put("FLINK_PLUGINS_DIR", plugins.toString());
    env.put("FLINK_LOG_DIR", spec.logFile().getParent().toString());
    env.remove("FLINK_ENV_JAVA_OPTS");

    Process process = builder.start();
    try {
      writePidFile(spec.pidFile(), process.pid(), marker(spec), spec.logFile());
    } catch (IOException e) {
      process.destroyForcibly(); // without its pid file nobody could find or stop it later
      throw e;
    }
    return new FlinkProcess(spec.role(), process.toHandle(), process, spec.pidFile(), spec.logFile());
  }

  /**
   * Finds the process a pid file names, if it still runs and is still ours: its command line must
   * carry the marker written next to the pid, which names the role and the cluster directory.
   */
  public static Optional<FlinkProcess> attach(Path pidFile) {
    List<String> lines;
    try {
      lines = Files.readAllLines(pidFile);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (lines.size() < 2) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String marker = MARKER_PROPERTY + lines.get(1).trim();
    String fileName = pidFile.getFileName().toString();
    String role = fileName.endsWith(".pid") ? fileName.substring(0, fileName.length() - 4) : fileName;
    Path logFile = lines.size() > 2 && !lines.get(2).isBlank()
        ? Path.of(lines.get(2).trim())
        : pidFile.resolveSibling(role + ".log");
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(h -> Processes.commandLine(h).map(c -> containsToken(c, marker)).orElse(false))
        .map(h -> new FlinkProcess(role, h, null, pidFile.toAbsolutePath(), logFile));
  }

  public String role() {
    return role;
  }

  public long pid() {
    return handle.pid();
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  /** The exit code, once exited, if this JVM started the process (attached ones cannot know). */
  public Optional<Integer> exitCode() {
    return process != null && !process.isAlive() ? Optional.of(process.exitValue()) : Optional.empty();
  }

  public Path logFile() {
    return logFile;
  }

  public Path outFile() {
    return outFileFor(logFile);
  }

  public Path pidFile() {
    return pidFile;
  }

  /**
   * SIGTERM (Flink shuts down cleanly: a JobManager deregisters, a TaskManager frees its slots),
   * then SIGKILL once {@code grace} has passed.
   */
  public void stop(Duration grace) {
    if (handle.isAlive()) {
      handle.destroy();
      if (!awaitExit(grace)) {
        kill();
        return;
      }
    }
    removePidFile();
  }

  /** SIGKILL right away, like a crash; for failure tests and after a failed stop. */
  public void kill() {
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
    removePidFile();
  }

  /** Waits for the process to end; true if it did within {@code timeout}. */
  public boolean awaitExit(Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }

  /**
   * The last {@code lines} lines of stdout/stderr (JVM errors: bad options, missing classes) and of
   * Flink's log (why Flink gave up), for telling the user why a process died.
   */
  public String tailLog(int lines) {
    return tailLog(logFile, lines);
  }

  /**
   * The same for a process that is gone: {@link #attach} finds only live ones, but the files of
   * the last run stay ({@code logFile} as in its {@link LaunchSpec}).
   */
  public static String tailLog(Path logFile, int lines) {
    StringBuilder text = new StringBuilder();
    for (Path file : List.of(outFileFor(logFile), logFile)) {
      String tail = tail(file, lines);
      if (!tail.isBlank()) {
        text.append("==> ").append(file).append(" <==\n").append(tail);
        if (!tail.endsWith("\n")) {
          text.append('\n');
        }
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return role + " (pid " + pid() + ")";
  }

  static Path outFileFor(Path logFile) {
    String name = logFile.getFileName().toString();
    String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
    return logFile.resolveSibling(base + ".out");
  }

  private static String marker(LaunchSpec spec) {
    return spec.role() + "@" + spec.flinkHome();
  }

  private static boolean containsToken(String commandLine, String token) {
    int at = commandLine.indexOf(token);
    while (at >= 0) {
      int end = at + token.length();
      if (end == commandLine.length() || Character.isWhitespace(commandLine.charAt(end))) {
        return true; // whole token, so taskmanager-1 does not match taskmanager-10
      }
      at = commandLine.indexOf(token, at + 1);
    }
    return false;
  }

  // Line 1 is the bare pid, so `kill $(head -1 x.pid)` works; line 2 the marker; line 3 the log.
  private static void writePidFile(Path pidFile, long pid, String marker, Path logFile) throws IOException {
    Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
    Files.writeString(tmp, pid + "\n" + marker + "\n" + logFile + "\n");
    Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void removePidFile() {
    try {
      List<String> lines = Files.readAllLines(pidFile);
      // Only if it still names us: a restarted process of the same role may have rewritten it.
      if (!lines.isEmpty() && lines.get(0).trim().equals(Long.toString(handle.pid()))) {
        Files.deleteIfExists(pidFile);
      }
    } catch (IOException e) {
      // Already gone, or unreadable: attach() rejects it either way.
    }
  }

  /** {@code <flinkHome>/lib} → the distribution's lib (see FLINK_LIB_DIR above). */
  private static Path linkLib(Path flinkHome, FlinkDistribution dist) throws IOException {
    Path link = flinkHome.resolve("lib");
    Path target = dist.lib().toAbsolutePath();
    if (Files.isSymbolicLink(link)) {
      if (Files.readSymbolicLink(link).equals(target)) {
        return link;
      }
      Files.deleteIfExists(link); // the cluster moved to another Flink version
    } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      return link; // a real directory someone made on purpose; Flink only needs its parent
    }
    try {
      Files.createSymbolicLink(link, target);
    } catch (FileAlreadyExistsException e) {
      return link; // a process of the same cluster started at the same moment made it
    } catch (IOException | UnsupportedOperationException e) {
      // No symlinks (e.g. Windows without developer mode): an empty lib/ serves the same purpose.
      Files.createDirectories(link);
    }
    return link;
  }

  private static void writeDefaultLog4j(Path target) throws IOException {
    try (InputStream in = FlinkProcess.class.getResourceAsStream("log4j.properties")) {
      if (in == null) {
        throw new IllegalStateException("log4j.properties is missing from the flinkctl jar");
      }
      // A unique temp name: a cluster's processes may be started concurrently.
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      try {
        Files.write(tmp, in.readAllBytes());
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  // Keeps the previous runs' stdout (x.out.1 ... x.out.5): a JVM that failed to start says why there.
  private static void rotate(Path out) throws IOException {
    if (!Files.exists(out) || Files.size(out) == 0) {
      return;
    }
    for (int i = KEPT_OUT_FILES - 1; i >= 1; i--) {
      Path from = out.resolveSibling(out.getFileName() + "." + i);
      if (Files.exists(from)) {
        Files.move(from, out.resolveSibling(out.getFileName() + "." + (i + 1)), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(out, out.resolveSibling(out.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
  }

  static String tail(Path file, int lines) {
    if (lines <= 0 || !Files.isRegularFile(file)) {
      return "";
    }
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long size = channel.size();
      int chunk = (int) Math.min(size, Math.max(8192L, lines * 400L));
      ByteBuffer buffer = ByteBuffer.allocate(chunk);
      channel.position(size - chunk);
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // read the whole chunk
      }
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      List<String> all = text.lines().toList();
      if (chunk < size && !all.isEmpty()) {
        all = all.subList(1, all.size()); // the first line was cut in the middle
      }
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
