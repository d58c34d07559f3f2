package dev.flinkctl.local.process;

import dev.flinkctl.control.PlatformException;

/** The jars for a Flink version could not be found or fetched; the message says what to do. */
public class FlinkDistributionException extends PlatformException {
  private static final long serialVersionUID = 1L;

  public FlinkDistributionException(String message) {
    super(message);
  }

  public FlinkDistributionException(String message, Throwable cause) {
    super(message, cause);
  }
}
