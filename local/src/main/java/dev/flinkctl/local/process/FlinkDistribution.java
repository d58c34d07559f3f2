package dev.flinkctl.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A directory whose {@code lib/} holds every jar needed to run one Flink version: Flink's own
 * modules from Maven Central (there is no flink-dist there), log4j, and a ZooKeeper server.
 */
public final class FlinkDistribution {
  /** Written after the jars, so a directory without it is a half-finished download. */
  static final String MARKER = "flinkctl-distribution.properties";

  private static final String POM_TEMPLATE = "flink-runtime-pom.xml";
  // Pinned: the Maven default (2.8 on Maven 3.8) differs between Maven installations.
  private static final String COPY_DEPENDENCIES =
      "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies";
  private static final Duration MVN_TIMEOUT = Duration.ofMinutes(20);

  private final String version;
  private final Path lib;

  private FlinkDistribution(String version, Path lib) {
    this.version = version;
    this.lib = lib;
  }

  /** "1.20" → "1.20.3"; the pinned patch versions live in {@link FlinkVersions}. */
  public static String fullVersion(String majorMinor) {
    return FlinkVersions.fullVersion(majorMinor);
  }

  /**
   * Finds the jars for {@code fullVersion}: the project's flink-bundle build, then the cache, else
   * fetches them with {@code mvn} into {@code cacheRoot/flink-<version>} (tens of seconds, once).
   */
  public static FlinkDistribution resolve(String fullVersion, Path cacheRoot, Consumer<String> progress) {
    return resolve(fullVersion, cacheRoot, progress, bundleDirs(), System.getenv("PATH"));
  }

  /** {@code bundleDirs}: directories that may hold a ready {@code flink-<version>/} (see {@link #bundleDirs}). */
  static FlinkDistribution resolve(
      String fullVersion, Path cacheRoot, Consumer<String> progress, List<Path> bundleDirs, String searchPath) {
    String version = FlinkVersions.fullVersion(fullVersion);
    for (Path dir : bundleDirs) {
      Path bundled = dir.resolve("flink-" + version);
      if (isComplete(bundled, version)) {
        return new FlinkDistribution(version, bundled.resolve("lib"));
      }
    }
    Path cached = cacheRoot.toAbsolutePath().resolve("flink-" + version);
    if (isComplete(cached, version)) {
      return new FlinkDistribution(version, cached.resolve("lib"));
    }
    return fetch(version, cached, progress, searchPath);
  }

  public String version() {
    return version;
  }

  public Path lib() {
    return lib;
  }

  /** The jars in lib/, sorted so the order does not depend on the file system. */
  public List<Path> classpath() {
    try (Stream<Path> files = Files.list(lib)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlinkDistribution d && d.version.equals(version) && d.lib.equals(lib);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, lib);
  }

  @Override
  public String toString() {
    return "Flink " + version + " (" + lib + ")";
  }

  static boolean isComplete(Path home, String version) {
    return Files.isRegularFile(home.resolve(MARKER))
        && Files.isRegularFile(home.resolve("lib").resolve("flink-runtime-" + version + ".jar"));
  }

  /**
   * Where bundled distributions may be: -Dflinkctl.flink.bundle / $FLINKCTL_FLINK_BUNDLE (a
   * directory holding flink-<version>/, e.g. an installation's own copy), then flink-bundle/target
   * above the directory or jar this class was loaded from (a source checkout: local/target/classes
   * or a module jar). Not $FLINKCTL_HOME: that is the user's state directory.
   */
  static List<Path> bundleDirs() {
    List<Path> dirs = new ArrayList<>();
    Optional.ofNullable(System.getProperty("flinkctl.flink.bundle")).ifPresent(p -> dirs.add(Path.of(p)));
    Optional.ofNullable(System.getenv("FLINKCTL_FLINK_BUNDLE")).ifPresent(p -> dirs.add(Path.of(p)));
    CodeSource source = FlinkDistribution.class.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        for (Path p = Path.of(source.getLocation().toURI()).toAbsolutePath(); p != null; p = p.getParent()) {
          dirs.add(p.resolve("flink-bundle").resolve("target"));
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a file: location (e.g. a custom class loader); only the explicit directories apply.
      }
    }
    return dirs;
  }

  private static FlinkDistribution fetch(String version, Path target, Consumer<String> progress, String searchPath) {
    Path mvn = findOnPath(searchPath).orElseThrow(() -> new FlinkDistributionException(
        "Flink " + version + " is not cached in " + target + " and `mvn` is not on PATH to fetch it from "
            + "Maven Central. Install Apache Maven (3.6 or newer) and retry, or use the bundled Flink "
            + FlinkVersions.DEFAULT + " (build the project's flink-bundle module)."));
    long started = System.nanoTime();
    progress.accept("resolving Flink " + version + " from Maven Central (first use; cached in " + target + ")");
    Path staging = null;
    try {
      Files.createDirectories(target.getParent());
      staging = Files.createTempDirectory(target.getParent(), "flink-" + version + ".partial-");
      Path pom = staging.resolve("pom.xml");
      Files.writeString(pom, generatedPom(version));
      Path log = staging.resolve("mvn.log");
      int exit = runMaven(mvn, staging, pom, staging.resolve("lib"), log);
      if (exit != 0 || !Files.isRegularFile(staging.resolve("lib").resolve("flink-runtime-" + version + ".jar"))) {
        Path kept = target.resolveSibling("flink-" + version + "-resolve.log");
        Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
        throw new FlinkDistributionException("could not fetch Flink " + version + " from Maven Central: "
            + mavenError(Files.readString(log)) + ". Check that Flink " + version
            + " exists (supported: 1.18 to 2.1) and that Maven can reach Maven Central (proxy or "
            + "mirror in ~/.m2/settings.xml); Maven's output is in " + kept);
      }
      Files.writeString(staging.resolve(MARKER),
          "# written by flinkctl after all jars were copied\nflink.version=" + version + "\n");
      publish(staging, target, version);
      int jars = new FlinkDistribution(version, target.resolve("lib")).classpath().size();
      progress.accept("resolved Flink " + version + " (" + jars + " jars) in "
          + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");
      return new FlinkDistribution(version, target.resolve("lib"));
    } catch (IOException e) {
      throw new FlinkDistributionException("could not fetch Flink " + version + " into " + target + ": " + e, e);
    } finally {
      if (staging != null) {
        deleteRecursively(staging);
      }
    }
  }

  static String generatedPom(String version) throws IOException {
    FlinkVersions.Pin pin = FlinkVersions.pinFor(version);
    try (InputStream in = FlinkDistribution.class.getResourceAsStream(POM_TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(POM_TEMPLATE + " is missing from the flinkctl jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@FLINK_VERSION@", version)
          .replace("@FLINK_CONTAINER_VERSION@", pin.container())
          .replace("@FLINK_PROMETHEUS_VERSION@", pin.prometheus())
          .replace("@LOG4J_VERSION@", FlinkVersions.LOG4J)
          .replace("@ZOOKEEPER_VERSION@", FlinkVersions.ZOOKEEPER)
          .replace("@DROPWIZARD_METRICS_VERSION@", FlinkVersions.DROPWIZARD_METRICS);
    }
  }

  private static int runMaven(Path mvn, Path dir, Path pom, Path lib, Path log) throws IOException {
    Process process = new ProcessBuilder(mvn.toString(), "-q", "-B", "-Dstyle.color=never", "-f", pom.toString(),
            COPY_DEPENDENCIES, "-DoutputDirectory=" + lib, "-DincludeScope=runtime")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Processes.nullFile()))
        .start();
    try {
      if (!process.waitFor(MVN_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("mvn did not finish within " + MVN_TIMEOUT.toMinutes() + " minutes");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while mvn was fetching Flink", e);
    }
  }

  /** Maven's own reason (e.g. "Could not find artifact ..."), without its boilerplate. */
  static String mavenError(String output) {
    String clean = output.replaceAll("\u001B\\[[;\\d]*m", "");
    for (String line : clean.split("\\R")) {
      if (line.startsWith("[ERROR] ") && line.length() > 8) {
        String reason = line.substring(8).trim();
        int deepest = Math.max(reason.lastIndexOf(": Could not "), reason.lastIndexOf(": Failed to "));
        if (deepest >= 0) {
          reason = reason.substring(deepest + 2);
        }
        return reason.replaceAll("\\s*->\\s*\\[Help 1]$", "");
      }
    }
    String trimmed = clean.strip();
    return trimmed.isEmpty() ? "mvn failed without output" : trimmed.lines().reduce((a, b) -> b).orElse(trimmed);
  }

  // Renames the finished directory into place, so readers see all of it or nothing.
  private static void publish(Path staging, Path target, String version) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (AtomicMoveNotSupportedException e) {
        throw e;
      } catch (FileSystemException e) {
        if (isComplete(target, version)) {
          return; // another flinkctl finished first; ours is deleted by the caller
        }
        deleteRecursively(target); // a leftover from an older, interrupted layout
      }
    }
    throw new IOException("could not move " + staging + " to " + target);
  }

  static Optional<Path> findOnPath(String searchPath) {
    if (searchPath == null || searchPath.isBlank()) {
      return Optional.empty();
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    List<String> names = windows ? List.of("mvn.cmd", "mvn.bat", "mvn.exe") : List.of("mvn");
    for (String dir : searchPath.split(java.io.File.pathSeparator)) {
      for (String name : names) {
        if (dir.isBlank()) {
          continue;
        }
        Path candidate = Path.of(dir).resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a leftover partial directory is ignored by isComplete and retried next time.
    }
  }
}
