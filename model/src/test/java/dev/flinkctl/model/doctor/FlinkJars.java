package dev.flinkctl.model.doctor;

import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.model.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Each supported Flink version's own startup code, BashJavaUtils, which the image's scripts run
 * before a JobManager or TaskManager JVM starts: the final word on which memory settings start.
 * 1.20 is on the test class path; the others are copied by the maven-dependency-plugin into
 * target/flink-versions and loaded in class loaders of their own.
 */
final class FlinkJars {
  static final Map<FlinkVersion, String> RELEASES = Map.of(FlinkVersion.V1_18, "1.18.1", FlinkVersion.V1_19, "1.19.3",
      FlinkVersion.V2_0, "2.0.0", FlinkVersion.V2_1, "2.1.0", FlinkVersion.V2_2, "2.2.0");
  private static final Map<FlinkVersion, FlinkJars> CACHE = new ConcurrentHashMap<>();

  private final Method fromMap;
  private final Method tmParams;
  private final Method jmParams;

  /** Flink's verdict: the JVM options line BashJavaUtils prints, or the reason it refused. */
  record Verdict(Optional<List<String>> output, String refusal) {
    boolean accepted() {
      return output.isPresent();
    }
  }

  private FlinkJars(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> configuration = Class.forName("org.apache.flink.configuration.Configuration", true, loader);
    Class<?> bash = Class.forName("org.apache.flink.runtime.util.bash.BashJavaUtils", true, loader);
    fromMap = configuration.getMethod("fromMap", Map.class);
    tmParams = bash.getDeclaredMethod("getTmResourceParams", configuration);
    jmParams = bash.getDeclaredMethod("getJmResourceParams", configuration);
    tmParams.setAccessible(true);
    jmParams.setAccessible(true);
  }

  static FlinkJars of(FlinkVersion version) {
    return CACHE.computeIfAbsent(version, v -> {
      try {
        return new FlinkJars(v.equals(FlinkVersion.V1_20) ? FlinkJars.class.getClassLoader() : isolated(v));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Flink " + v + "'s BashJavaUtils cannot be called", e);
      }
    });
  }

  Verdict taskManager(Map<String, String> conf) {
    return call(tmParams, conf);
  }

  Verdict jobManager(Map<String, String> conf) {
    return call(jmParams, conf);
  }

  @SuppressWarnings("unchecked")
  private Verdict call(Method params, Map<String, String> conf) {
    try {
      return new Verdict(Optional.of((List<String>) params.invoke(null, fromMap.invoke(null, conf))), null);
    } catch (InvocationTargetException e) {
      return new Verdict(Optional.empty(), String.valueOf(e.getCause()));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ClassLoader isolated(FlinkVersion version) {
    Path dir = Seeds.root().resolve("model/target/flink-versions").resolve(RELEASES.get(version));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + " is missing: run the build through Maven, whose"
          + " maven-dependency-plugin copies Flink " + RELEASES.get(version) + " there (generate-test-resources)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      URL[] urls = files.filter(p -> p.toString().endsWith(".jar")).map(FlinkJars::url).toArray(URL[]::new);
      ClassLoader app = FlinkJars.class.getClassLoader();
      // Flink's classes come from the version's jars only; everything else (SLF4J) from the class path.
      ClassLoader withoutFlink = new ClassLoader(null) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
          if (name.startsWith("org.apache.flink.")) {
            throw new ClassNotFoundException(name);
          }
          return app.loadClass(name);
        }
      };
      return new URLClassLoader(urls, withoutFlink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
