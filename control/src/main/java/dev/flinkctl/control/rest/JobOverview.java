package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of GET /jobs/overview.
 *
 * @param endTime -1 while the job has not ended
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobOverview(
    @JsonProperty("jid") String jid,
    @JsonProperty("name") String name,
    @JsonProperty("state") FlinkJobState state,
    @JsonProperty("start-time") long startTime,
    @JsonProperty("end-time") long endTime,
    @JsonProperty("duration") long duration,
    @JsonProperty("last-modification") long lastModification,
    @JsonProperty("tasks") TaskCounts tasks) {

  public JobOverview {
    state = state == null ? FlinkJobState.UNKNOWN : state;
  }
}
