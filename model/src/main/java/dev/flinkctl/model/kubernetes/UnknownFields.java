package dev.flinkctl.model.kubernetes;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields that a fabric8 model object accepted without knowing them. The fabric8 classes keep
 * unknown keys in {@code additionalProperties} instead of failing, so a misspelt field in a pod
 * template (hostNetwrk) would otherwise travel silently to the API server.
 */
public final class UnknownFields {
  private UnknownFields() {}

  /** Paths such as {@code spec.hostNetwrk}, relative to {@code root}. */
  public static List<String> in(Object root) {
    List<String> found = new ArrayList<>();
    walk(root, "", found, new IdentityHashMap<>());
    return found;
  }

  private static void walk(Object node, String path, List<String> found, Map<Object, Boolean> seen) {
    if (node == null || seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", found, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "[" + k + "]", found, seen));
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
        continue;
      }
      Object value = invoke(getter, node);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra) {
          extra.keySet().forEach(k -> found.add(join(path, k.toString())));
        }
      } else {
        walk(value, join(path, property(getter.getName())), found, seen);
      }
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static String property(String getter) {
    return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
