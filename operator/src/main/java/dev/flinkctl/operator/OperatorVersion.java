package dev.flinkctl.operator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this jar was built as; the default image tag of the operator. */
final class OperatorVersion {
  private OperatorVersion() {}

  static String get() {
    try (InputStream in = OperatorVersion.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
