package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One metric of a vertex, aggregated over its subtasks. An aggregate is null when Flink left it
 * out (the metric has no value yet, or it was not asked for).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VertexMetric(
    @JsonProperty("id") String id,
    @JsonProperty("min") Double min,
    @JsonProperty("max") Double max,
    @JsonProperty("avg") Double avg,
    @JsonProperty("sum") Double sum) {
}
