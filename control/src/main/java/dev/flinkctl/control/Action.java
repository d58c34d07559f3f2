package dev.flinkctl.control;

import dev.flinkctl.control.rest.ParallelismBounds;
import java.util.Map;

/** The one thing a reconcile step does after recording its decision. */
public sealed interface Action {
  record Deploy(Plan plan) implements Action {}

  record Scale(int taskManagers) implements Action {}

  /** Asks the adaptive scheduler to run these vertices at these parallelism bounds. */
  record SetParallelism(String jobId, Map<String, ParallelismBounds> vertices) implements Action {
    public SetParallelism {
      vertices = Map.copyOf(vertices);
    }
  }

  record TriggerSavepoint(String jobId, String directory, String triggerId) implements Action {}

  record StopWithSavepoint(String jobId, String directory, String triggerId) implements Action {}

  record Cancel(String jobId) implements Action {}

  record TearDown() implements Action {}

  /** Nothing to do now; {@code reason} says what is awaited. */
  record Wait(String reason) implements Action {}
}
