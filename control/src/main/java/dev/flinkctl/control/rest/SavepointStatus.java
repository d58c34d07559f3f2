package dev.flinkctl.control.rest;

/**
 * GET /jobs/:id/savepoints/:triggerid, for savepoints and stop-with-savepoint alike.
 *
 * @param location where the savepoint was written, when it completed successfully
 * @param failureCause a one-line summary of why it failed (with the root cause), when it failed
 */
public record SavepointStatus(State state, String location, String failureCause) {

  /** Flink's operation states: COMPLETED covers success and failure. */
  public enum State {
    IN_PROGRESS,
    COMPLETED
  }

  public boolean isInProgress() {
    return state == State.IN_PROGRESS;
  }

  /** Completed and written to {@link #location()}. */
  public boolean isSuccessful() {
    return state == State.COMPLETED && failureCause == null;
  }

  /** Completed without a savepoint; see {@link #failureCause()}. */
  public boolean isFailed() {
    return state == State.COMPLETED && failureCause != null;
  }
}
