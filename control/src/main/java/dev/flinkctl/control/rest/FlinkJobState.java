package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A job's state as Flink reports it (Flink's JobStatus names). */
public enum FlinkJobState {
  INITIALIZING,
  CREATED,
  RUNNING,
  FAILING,
  FAILED,
  CANCELLING,
  CANCELED,
  FINISHED,
  RESTARTING,
  SUSPENDED,
  RECONCILING,
  /** A name this client does not know, from a newer Flink; treated as neither running nor terminal. */
  UNKNOWN;

  /** Parses Flink's name; an unknown name gives {@link #UNKNOWN} so a newer Flink does not break us. */
  @JsonCreator
  public static FlinkJobState of(String name) {
    if (name == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /**
   * The job is over for good (FAILED, CANCELED, FINISHED): its JobManager will not run it again,
   * even with high availability.
   */
  public boolean isGloballyTerminal() {
    return this == FAILED || this == CANCELED || this == FINISHED;
  }

  /**
   * The job is over in this JobManager: globally terminal, or SUSPENDED (the JobManager lost
   * leadership or shut down; with high availability another one may resume the job).
   */
  public boolean isTerminal() {
    return isGloballyTerminal() || this == SUSPENDED;
  }
}
