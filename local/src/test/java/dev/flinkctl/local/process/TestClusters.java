package dev.flinkctl.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real Flink distributions, configs and REST polling shared by the process tests. */
final class TestClusters {
  /** Shared by all tests and runs; a fetch happens once per `mvn clean` at most. */
  static final Path CACHE = Path.of("target", "flink-cache").toAbsolutePath();

  private static final Map<String, FlinkDistribution> DISTS = new ConcurrentHashMap<>();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private TestClusters() {}

  static FlinkDistribution dist(String version) {
    return DISTS.computeIfAbsent(version, v -> FlinkDistribution.resolve(v, CACHE, System.out::println));
  }

  /** Ports for one cluster, all on 127.0.0.1. */
  record Ports(int rpc, int rest, int blob) {
    static Ports pick() {
      List<Integer> p = FreePorts.pick(3);
      return new Ports(p.get(0), p.get(1), p.get(2));
    }
  }

  /**
   * Versions the cross-version tests run on: -Dflinkctl.test.flinkVersions=1.18.1,1.19.3,... (each
   * other than the default is fetched once into the cache, about 20 s).
   */
  static List<String> versions() {
    return List.of(System.getProperty("flinkctl.test.flinkVersions", FlinkVersions.DEFAULT + ",2.0.0").split(","));
  }

  /** A FLINK_HOME with conf/config.yaml (nested YAML, as 1.19+ and 2.x read it). */
  static Path home(Path dir, Ports ports, String taskManagerProcessSize) {
    return home(dir, ports, taskManagerProcessSize, FlinkVersions.DEFAULT);
  }

  /** Same settings; for 1.18 as flat keys in flink-conf.yaml, the only file it reads. */
  static Path home(Path dir, Ports ports, String taskManagerProcessSize, String version) {
    return home(dir, ports, taskManagerProcessSize, version, "");
  }

  /** {@code extraYaml}: more top-level nested YAML, e.g. a metrics reporter. */
  static Path home(Path dir, Ports ports, String taskManagerProcessSize, String version, String extraYaml) {
    String yaml = """
        jobmanager:
          bind-host: 127.0.0.1
          rpc:
            address: 127.0.0.1
            port: %d
          memory:
            process:
              size: 1024m
        taskmanager:
          bind-host: 127.0.0.1
          host: 127.0.0.1
          rpc:
            port: 0
          numberOfTaskSlots: 2
          memory:
            process:
              size: %s
        rest:
          address: 127.0.0.1
          bind-address: 127.0.0.1
          port: %d
        blob:
          server:
            port: %d
        cluster:
          registration:
            # A TaskManager that starts before the JobManager's RPC is up otherwise waits 10 s.
            # Plain milliseconds: a Long option up to 1.19, a Duration from 1.20 on.
            error-delay: 1000
        env:
          java:
            opts:
              all: %s
        """.formatted(ports.rpc(), taskManagerProcessSize, ports.rest(), ports.blob(),
        String.join(" ", JvmOptions.JAVA_17_OPENS)) + extraYaml;
    String file = FlinkVersions.configFileName(version);
    if (file.equals("flink-conf.yaml")) {
      yaml = flatten(yaml);
    }
    try {
      Files.createDirectories(dir.resolve("conf"));
      Files.writeString(dir.resolve("conf").resolve(file), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Nested YAML (two-space indents, no lists) to the flat "a.b.c: v" lines of flink-conf.yaml. */
  static String flatten(String yaml) {
    StringBuilder out = new StringBuilder();
    List<String> path = new ArrayList<>();
    for (String line : yaml.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int depth = (line.length() - line.stripLeading().length()) / 2;
      while (path.size() > depth) {
        path.remove(path.size() - 1);
      }
      int colon = trimmed.indexOf(':');
      String key = trimmed.substring(0, colon);
      String value = trimmed.substring(colon + 1).strip();
      if (value.isEmpty()) {
        path.add(key);
      } else {
        out.append(String.join(".", path)).append(path.isEmpty() ? "" : ".").append(key).append(": ").append(value).append('\n');
      }
    }
    return out.toString();
  }

  static LaunchSpec spec(String role, FlinkDistribution dist, Path home, String mainClass, List<String> args) {
    return new LaunchSpec(role, dist, home, mainClass, args, JvmOptions.split(String.join(" ", JvmOptions.JAVA_17_OPENS)),
        LaunchSpec.defaultLogFile(home, role));
  }

  static Optional<String> get(int restPort, String path) {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
              .timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  static int intField(String json, String field) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(\\d+)").matcher(json);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Polls /overview until the cluster has the TaskManagers and slots; fails with the logs if not. */
  static String awaitOverview(int restPort, int taskManagers, int slots, Duration timeout, FlinkProcess... processes) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "(no answer)";
    while (System.nanoTime() < deadline) {
      Optional<String> body = get(restPort, "/overview");
      if (body.isPresent()) {
        last = body.get();
        if (intField(last, "taskmanagers") == taskManagers && intField(last, "slots-total") == slots) {
          return last;
        }
      }
      for (FlinkProcess p : processes) {
        if (!p.isAlive()) {
          throw new AssertionError(p + " died:\n" + p.tailLog(40));
        }
      }
      sleep(200);
    }
    StringBuilder logs = new StringBuilder();
    for (FlinkProcess p : processes) {
      logs.append(p.tailLog(40));
    }
    throw new AssertionError("cluster not ready within " + timeout + "; last /overview: " + last + "\n" + logs);
  }

  /** For timing output: a loaded 2-core machine starts Flink several times slower. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Stops what a test started, even when the test failed half-way. */
  static final class Started implements AutoCloseable {
    private final List<FlinkProcess> processes = new ArrayList<>();

    synchronized FlinkProcess add(FlinkProcess p) {
      processes.add(p);
      return p;
    }

    @Override
    public synchronized void close() {
      for (FlinkProcess p : processes) {
        try {
          p.stop(Duration.ofSeconds(15));
        } catch (RuntimeException e) {
          p.kill();
        }
      }
      processes.clear();
    }
  }
}
