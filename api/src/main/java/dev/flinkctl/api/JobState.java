package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The state the user wants the job in. */
public enum JobState {
  @JsonProperty("running")
  RUNNING,
  /** Stopped with a savepoint, cluster released; setting running again resumes from it. */
  @JsonProperty("suspended")
  SUSPENDED
}
