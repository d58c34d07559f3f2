package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How many of a job's subtasks are in each execution state. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskCounts(
    @JsonProperty("total") int total,
    @JsonProperty("created") int created,
    @JsonProperty("scheduled") int scheduled,
    @JsonProperty("deploying") int deploying,
    @JsonProperty("initializing") int initializing,
    @JsonProperty("running") int running,
    @JsonProperty("finished") int finished,
    @JsonProperty("canceling") int canceling,
    @JsonProperty("canceled") int canceled,
    @JsonProperty("failed") int failed,
    @JsonProperty("reconciling") int reconciling) {
}
