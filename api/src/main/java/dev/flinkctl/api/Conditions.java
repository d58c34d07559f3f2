package dev.flinkctl.api;

/** Condition types this project writes. */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String CONFIG_VALID = "ConfigValid";
  public static final String JOB_RUNNING = "JobRunning";

  private Conditions() {}
}
