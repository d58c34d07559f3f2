package dev.flinkctl.local.process;

import dev.flinkctl.control.PlatformException;

/** A local Flink or ZooKeeper JVM could not be started, or died while starting. */
public class FlinkProcessException extends PlatformException {
  private static final long serialVersionUID = 1L;

  public FlinkProcessException(String message) {
    super(message);
  }

  public FlinkProcessException(String message, Throwable cause) {
    super(message, cause);
  }
}
