package dev.flinkctl.model.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Finds every {@code ConfigOption} constant in Flink jars by reflection, the way Flink's own docs
 * generator does, and writes them as the lines {@link KnownOptions} reads. Works on any Flink
 * version's classes through the given class loader, so nothing here links against Flink.
 */
final class OptionScanner {
  static final String CONFIG_OPTION = "org.apache.flink.configuration.ConfigOption";

  /** What was found, and the classes whose static initialiser failed (missing optional dependencies). */
  record Scan(SortedMap<String, String> lines, List<String> failedClasses) {}

  private OptionScanner() {}

  static Scan scan(List<Path> jars, ClassLoader loader) {
    SortedMap<String, String> lines = new TreeMap<>();
    List<String> failed = new ArrayList<>();
    for (Path jar : jars) {
      for (String className : classNames(jar)) {
        try {
          Class<?> type = Class.forName(className, false, loader);
          List<Field> options = Arrays.stream(type.getDeclaredFields())
              .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType().getName().equals(CONFIG_OPTION))
              .toList();
          for (Field f : options) {
            f.setAccessible(true);
            Object option = f.get(null);
            if (option != null && isClusterKey(key(option))) {
              boolean deprecated = f.isAnnotationPresent(Deprecated.class) || type.isAnnotationPresent(Deprecated.class);
              String line = line(option, deprecated);
              lines.merge(key(option), line, OptionScanner::twin);
            }
          }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
          failed.add(className + ": " + e);
        }
      }
    }
    return new Scan(lines, failed);
  }

  /**
   * Plain words ("class", "enabled", "interval") are suffixes of prefixed options such as
   * metrics.reporter.NAME.class, and camel-case ones are StreamConfig's internal per-operator
   * settings; real top-level keys have a dot or a dash (scheduler-mode).
   */
  /**
   * The same key is declared in more than one class now and then (ConfigConstants keeps old
   * twins). A non-deprecated declaration wins; two that disagree on the type are recorded as
   * String, so that no value is refused that one of them reads.
   */
  static String twin(String a, String b) {
    String[] x = a.split("\t", -1);
    String[] y = b.split("\t", -1);
    if (!x[2].equals(y[2])) {
      return x[2].equals("-") ? a : b;
    }
    return x[1].equals(y[1]) ? a : x[0] + "\tString\t" + x[2] + "\t" + x[3];
  }

  private static boolean isClusterKey(String key) {
    return (key.contains(".") || key.contains("-")) && !key.contains("<");
  }

  private static List<String> classNames(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return Collections.list(file.entries()).stream().map(JarEntry::getName)
          .filter(n -> n.startsWith("org/apache/flink/") && n.endsWith(".class") && !n.contains("/shaded/"))
          .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
          .filter(n -> !n.endsWith("/StreamConfig.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(Object option) throws ReflectiveOperationException {
    return (String) call(option, "key");
  }

  /** {@code key TAB type TAB d|- TAB aliases}; a deprecated alias is written with a leading '~'. */
  static String line(Object option, boolean deprecated) throws ReflectiveOperationException {
    List<String> aliases = new ArrayList<>();
    for (Object fallback : (Iterable<?>) call(option, "fallbackKeys")) {
      boolean old = (Boolean) call(fallback, "isDeprecated");
      aliases.add((old ? "~" : "") + call(fallback, "getKey"));
    }
    return key(option) + "\t" + type(option) + "\t" + (deprecated ? "d" : "-") + "\t" + String.join(",", aliases);
  }

  private static String type(Object option) throws ReflectiveOperationException {
    Class<?> clazz = (Class<?>) call(option, "getClazz");
    boolean list = (Boolean) call(option, "isList");
    String name;
    if (clazz.isEnum()) {
      name = "Enum:" + Arrays.stream(clazz.getEnumConstants()).map(Object::toString).collect(Collectors.joining("|"));
    } else {
      name = clazz.getSimpleName();
    }
    return list ? "List<" + name + ">" : name;
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    Class<?> type = target.getClass();
    while (type != null) {
      try {
        Method m = type.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
      } catch (NoSuchMethodException e) {
        type = type.getSuperclass();
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "." + method);
  }
}
