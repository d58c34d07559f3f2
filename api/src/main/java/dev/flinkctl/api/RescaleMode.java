package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a change of TaskManager capacity reaches the running job. */
public enum RescaleMode {
  /** In place on Flink 1.18 and later (adaptive scheduler); savepoint and redeploy before that. */
  @JsonProperty("auto")
  AUTO,
  /**
   * The adaptive scheduler and the resource-requirements API: Flink restarts the job's tasks from
   * the latest checkpoint at the new parallelism, without a savepoint and without a new job.
   */
  @JsonProperty("in-place")
  IN_PLACE,
  /** Flink's reactive mode: the job always uses every slot, so the TaskManager count alone decides. */
  @JsonProperty("reactive")
  REACTIVE,
  /** Stop with a savepoint and redeploy at the new parallelism. */
  @JsonProperty("savepoint")
  SAVEPOINT
}
