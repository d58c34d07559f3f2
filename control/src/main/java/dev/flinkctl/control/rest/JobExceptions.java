package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * GET /jobs/:id/exceptions, reduced to the root exception: the stack trace Flink recorded for the
 * latest failure, or null when the job never failed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobExceptions(@JsonProperty("root-exception") String rootException) {

  /** The first line of the root exception and of its deepest cause, which usually says what to fix. */
  public String summary() {
    if (rootException == null || rootException.isBlank()) {
      return null;
    }
    String first = rootException.lines().findFirst().orElse("").strip();
    String cause = rootException.lines().filter(l -> l.startsWith("Caused by:")).reduce((a, b) -> b)
        .map(l -> l.substring("Caused by:".length()).strip()).orElse(null);
    return cause == null || first.contains(cause) ? first : first + " (caused by " + cause + ")";
  }
}
