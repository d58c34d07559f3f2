package dev.flinkctl.local.process;

import java.util.ArrayList;
import java.util.List;

/** JVM options every Flink JVM needs, and parsing of Flink's {@code env.java.opts.*} strings. */
public final class JvmOptions {
  /**
   * What Flink's distribution puts in env.java.opts.all for Java 17. Without it the cluster starts,
   * but the first job fails (Kryo and the closure cleaner reflect into java.util and friends).
   * Repeating an option is harmless, so user-supplied copies of this list do not matter.
   */
  public static final List<String> JAVA_17_OPENS = dev.flinkctl.model.JvmOptions.MODULE_OPENINGS;

  private JvmOptions() {}

  /**
   * Splits an env.java.opts value the way Flink's scripts do (unquoted shell word splitting), but
   * keeps single- or double-quoted parts together so {@code -Dx="a b"} survives without a shell.
   */
  public static List<String> split(String options) {
    List<String> out = new ArrayList<>();
    if (options == null) {
      return out;
    }
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : options.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }
}
