package dev.flinkctl.local.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap/direct/metaspace JVM options and the derived memory settings Flink computes for a
 * JobManager or TaskManager, obtained the way Flink's own scripts do: by running its BashJavaUtils.
 * Flink's memory arithmetic (fractions, clamps, and the checks that reject a configuration) is
 * subtle and changes between versions, so it is never re-derived here.
 *
 * @param jvmOptions e.g. -Xmx..., -Xms..., -XX:MaxDirectMemorySize=..., -XX:MaxMetaspaceSize=...
 * @param dynamicProperties {@code key=value} pairs (e.g. taskmanager.cpu.cores=1.0) the process
 *     must get as {@code -D key=value}; a TaskManager refuses to start without them
 */
public record ResourceParams(List<String> jvmOptions, List<String> dynamicProperties) {
  static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
  private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
  private static final Pattern DYNAMIC_PROPERTY = Pattern.compile("-D\\s*(\\S+=\\S*)");
  /** The keys Flink's memory and slot arithmetic reads; others (ports, resource ids) do not matter. */
  private static final Pattern RELEVANT_KEY = Pattern.compile(
      "(taskmanager\\.(memory|heap|cpu|numberOfTaskSlots)|jobmanager\\.(memory|heap)|external-resource).*");

  // Same config, same answer: saves a JVM start (~0.3-1.5 s) per additional TaskManager. A
  // future, so that a query already running (see prefetch) is joined rather than repeated.
  private static final Map<String, CompletableFuture<ResourceParams>> CACHE = new ConcurrentHashMap<>();

  /** Which process the parameters are for. */
  public enum Kind {
    JOB_MANAGER("GET_JM_RESOURCE_PARAMS", "JobManager"),
    TASK_MANAGER("GET_TM_RESOURCE_PARAMS", "TaskManager");

    private final String command;
    private final String label;

    Kind(String command, String label) {
      this.command = command;
      this.label = label;
    }
  }

  public ResourceParams {
    jvmOptions = List.copyOf(jvmOptions);
    dynamicProperties = List.copyOf(dynamicProperties);
  }

  public static ResourceParams forJobManager(FlinkDistribution dist, Path confDir) {
    return query(Kind.JOB_MANAGER, dist, confDir, List.of());
  }

  public static ResourceParams forTaskManager(FlinkDistribution dist, Path confDir) {
    return query(Kind.TASK_MANAGER, dist, confDir, List.of());
  }

  /**
   * Runs BashJavaUtils for {@code kind}. {@code dynamicArgs} are the "-D", "key=value" pairs the
   * process itself will get, since they can override memory settings from the config file.
   *
   * @throws FlinkConfigException with Flink's own reason when Flink rejects the configuration
   */
  public static ResourceParams query(Kind kind, FlinkDistribution dist, Path confDir, List<String> dynamicArgs) {
    // Only memory-related overrides are passed on, so TaskManagers that differ just in their
    // resource id or ports share one cached answer.
    CompletableFuture<ResourceParams> answer = start(kind, dist, confDir, dynamicArgs);
    try {
      return answer.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Starts the query in the background, so that a JobManager and the TaskManagers' answers are
   * computed side by side instead of one JVM after another; {@link #query} then joins it.
   */
  public static void prefetch(Kind kind, FlinkDistribution dist, Path confDir, List<String> dynamicArgs) {
    start(kind, dist, confDir, dynamicArgs);
  }

  private static CompletableFuture<ResourceParams> start(Kind kind, FlinkDistribution dist, Path confDir,
      List<String> dynamicArgs) {
    List<String> relevant = relevant(dynamicArgs);
    String key = cacheKey(kind, dist, confDir, relevant);
    CompletableFuture<ResourceParams> created = new CompletableFuture<>();
    CompletableFuture<ResourceParams> existing = CACHE.putIfAbsent(key, created);
    if (existing != null) {
      return existing;
    }
    CompletableFuture.runAsync(() -> {
      try {
        created.complete(run(kind, dist, confDir, relevant));
      } catch (RuntimeException e) {
        // A refusal is not kept: the next query asks Flink again (and reports its reason again).
        CACHE.remove(key, created);
        created.completeExceptionally(e);
      }
    });
    return created;
  }

  /** The dynamic properties as entry point arguments: "-D", "key=value", ... */
  public List<String> dynamicPropertyArgs() {
    List<String> args = new ArrayList<>();
    for (String property : dynamicProperties) {
      args.add("-D");
      args.add(property);
    }
    return args;
  }

  static List<String> relevant(List<String> dynamicArgs) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < dynamicArgs.size(); i += 2) {
      if (dynamicArgs.get(i).equals("-D") && RELEVANT_KEY.matcher(dynamicArgs.get(i + 1)).matches()) {
        out.add("-D");
        out.add(dynamicArgs.get(i + 1));
      }
    }
    return out;
  }

  private static ResourceParams run(Kind kind, FlinkDistribution dist, Path confDir, List<String> dynamicArgs) {
    List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(),
        // A tiny, quick JVM: it only parses config and does arithmetic.
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", dist.lib().resolve("*").toString(),
        BASH_JAVA_UTILS, kind.command, "--configDir", confDir.toAbsolutePath().toString()));
    command.addAll(dynamicArgs);
    String output;
    int exit;
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(Processes.nullFile()))
          .start();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new FlinkProcessException("Flink's BashJavaUtils did not finish within 60 s");
      }
      exit = process.exitValue();
    } catch (IOException e) {
      throw new FlinkProcessException("could not run java to compute Flink's " + kind.label + " memory: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkProcessException("interrupted while computing Flink's " + kind.label + " memory", e);
    }
    List<String> results = output.lines()
        .filter(l -> l.startsWith(RESULT_PREFIX))
        .map(l -> l.substring(RESULT_PREFIX.length()).trim())
        .toList();
    if (exit != 0 || results.size() < 2) {
      throw new FlinkConfigException("Flink " + dist.version() + " rejected the " + kind.label
          + " configuration in " + confDir + ": " + flinkReason(output));
    }
    // Flink's scripts also take the last two result lines.
    return parse(results.get(results.size() - 2), results.get(results.size() - 1));
  }

  static ResourceParams parse(String jvmLine, String dynamicLine) {
    List<String> jvm = JvmOptions.split(jvmLine);
    List<String> dynamic = new ArrayList<>();
    Matcher m = DYNAMIC_PROPERTY.matcher(dynamicLine);
    while (m.find()) {
      dynamic.add(m.group(1));
    }
    return new ResourceParams(jvm, dynamic);
  }

  /**
   * Flink's reason, e.g. its IllegalConfigurationException text, followed by whatever the causes
   * add ("Could not parse value 'lots' ..."), without stack frames.
   */
  static String flinkReason(String output) {
    List<String> lines = output.lines().toList();
    int top = -1;
    String reason = null;
    String marker = "IllegalConfigurationException: ";
    for (int i = 0; i < lines.size() && top < 0; i++) {
      int at = lines.get(i).indexOf(marker);
      if (at >= 0) {
        top = i;
        reason = lines.get(i).substring(at + marker.length()).trim();
      }
    }
    for (int i = 0; i < lines.size() && top < 0; i++) {
      if (lines.get(i).startsWith("Exception in thread")) {
        top = i;
        int quote = lines.get(i).indexOf("\" ");
        reason = quote >= 0 ? lines.get(i).substring(quote + 2).trim() : lines.get(i).trim();
      }
    }
    if (top < 0) {
      List<String> text = lines.stream().filter(l -> !l.isBlank()).toList();
      return text.isEmpty()
          ? "BashJavaUtils exited without output"
          : String.join("\n", text.subList(Math.max(0, text.size() - 15), text.size()));
    }
    StringBuilder out = new StringBuilder(reason);
    for (String line : lines.subList(top + 1, lines.size())) {
      if (!line.startsWith("Caused by: ")) {
        continue;
      }
      int colon = line.indexOf(": ", "Caused by: ".length());
      String message = colon >= 0 ? line.substring(colon + 2).trim() : "";
      if (!message.isEmpty() && out.indexOf(message) < 0) {
        out.append(out.charAt(out.length() - 1) == '.' ? " " : ". ").append(message);
      }
    }
    return out.toString();
  }

  private static String cacheKey(Kind kind, FlinkDistribution dist, Path confDir, List<String> dynamicArgs) {
    StringBuilder key = new StringBuilder(kind + "\n" + dist.lib() + "\n" + confDir.toAbsolutePath() + "\n");
    key.append(String.join(" ", dynamicArgs)).append('\n');
    for (String file : List.of("config.yaml", "flink-conf.yaml")) {
      Path p = confDir.resolve(file);
      try {
        key.append(file).append('\n').append(Files.isRegularFile(p) ? Files.readString(p) : "").append('\n');
      } catch (IOException e) {
        key.append(System.nanoTime()); // unreadable: do not cache; BashJavaUtils will report it
      }
    }
    return key.toString();
  }
}
