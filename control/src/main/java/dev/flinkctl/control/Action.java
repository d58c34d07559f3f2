package dev.flinkctl.control;

/** The one thing a reconcile step does after recording its decision. */
public sealed interface Action {
  record Deploy(Plan plan) implements Action {}

  record Scale(int taskManagers) implements Action {}

  record TriggerSavepoint(String jobId, String directory, String triggerId) implements Action {}

  record StopWithSavepoint(String jobId, String directory, String triggerId) implements Action {}

  record Cancel(String jobId) implements Action {}

  record TearDown() implements Action {}

  /** Nothing to do now; {@code reason} says what is awaited. */
  record Wait(String reason) implements Action {}
}
