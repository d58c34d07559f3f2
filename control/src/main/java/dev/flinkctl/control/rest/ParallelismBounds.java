package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parallelism range the adaptive scheduler may run a vertex with. Equal bounds pin it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParallelismBounds(
    @JsonProperty("lowerBound") int lowerBound,
    @JsonProperty("upperBound") int upperBound) {

  /** Both bounds set to one value: run exactly this parallelism. */
  public static ParallelismBounds exactly(int parallelism) {
    return new ParallelismBounds(parallelism, parallelism);
  }
}
