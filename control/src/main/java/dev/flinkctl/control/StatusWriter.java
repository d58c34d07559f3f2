package dev.flinkctl.control;

import dev.flinkctl.api.FlinkClusterStatus;

/** Persists status: the status subresource on Kubernetes, a file locally. Called before every action. */
@FunctionalInterface
public interface StatusWriter {
  void write(FlinkClusterStatus status);
}
