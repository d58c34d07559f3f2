package dev.flinkctl.local.process;

import dev.flinkctl.control.PlatformException;

/** Flink refused its configuration (e.g. memory sizes that do not add up); carries Flink's reason. */
public class FlinkConfigException extends PlatformException {
  private static final long serialVersionUID = 1L;

  public FlinkConfigException(String message) {
    super(message);
  }
}
