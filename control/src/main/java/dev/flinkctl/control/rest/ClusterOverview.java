package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** GET /overview: slots and job counts of the whole cluster. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterOverview(
    @JsonProperty("taskmanagers") int taskManagers,
    @JsonProperty("slots-total") int slotsTotal,
    @JsonProperty("slots-available") int slotsAvailable,
    @JsonProperty("jobs-running") int jobsRunning,
    @JsonProperty("jobs-finished") int jobsFinished,
    @JsonProperty("jobs-cancelled") int jobsCancelled,
    @JsonProperty("jobs-failed") int jobsFailed,
    @JsonProperty("flink-version") String flinkVersion,
    @JsonProperty("flink-commit") String flinkCommit) {
}
