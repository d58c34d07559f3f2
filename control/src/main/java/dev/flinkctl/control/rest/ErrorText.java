package dev.flinkctl.control.rest;

import java.util.ArrayList;
import java.util.List;

/** Short, one-line summaries of Flink's error texts, which are often whole stack traces. */
final class ErrorText {
  private static final int MAX_ENTRIES = 3;
  private static final int MAX_CHARS = 300;
  private static final String CAUSED_BY = "Caused by: ";
  // Flink wraps server-side stack traces in this line; as a summary's first line it says nothing.
  private static final String SERVER_SIDE_MARKER = "<Exception on server side:";

  private ErrorText() {
  }

  /**
   * The first line of each of the first three entries. The first entry is often only an exception
   * class or "Internal server error.", so later entries are kept: that is where the cause is.
   */
  static String summary(List<String> errors) {
    List<String> parts = new ArrayList<>();
    for (String error : errors.subList(0, Math.min(MAX_ENTRIES, errors.size()))) {
      parts.add(summary(error));
    }
    String joined = String.join("; ", parts);
    return errors.size() > MAX_ENTRIES
        ? joined + "; (" + (errors.size() - MAX_ENTRIES) + " more)" : joined;
  }

  /** The first line of a text, plus its root cause when the text is a stack trace with causes. */
  static String summary(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String first = clip(text.lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.equals(SERVER_SIDE_MARKER)).findFirst().orElse(""));
    String root = rootCause(text);
    return root == null || first.contains(root) ? first : first + " (root cause: " + root + ")";
  }

  private static String rootCause(String text) {
    String root = null;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      String l = line.strip();
      if (l.startsWith(CAUSED_BY)) {
        root = l.substring(CAUSED_BY.length());
      }
    }
    return root == null ? null : clip(root);
  }

  private static String clip(String s) {
    String t = s.strip();
    return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS) + "…";
  }
}
