package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * GET /config: the web dashboard's settings. Cheap and always served by a running REST endpoint,
 * hence the liveness check and the way to learn the Flink version.
 *
 * @param features null if Flink left it out
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DashboardConfig(
    @JsonProperty("flink-version") String flinkVersion,
    @JsonProperty("flink-revision") String flinkRevision,
    @JsonProperty("refresh-interval") long refreshInterval,
    @JsonProperty("timezone-name") String timezoneName,
    @JsonProperty("features") Features features) {

  /**
   * @param webSubmit false when jar upload and run are switched off (web.submit.enable); the
   *     /jars endpoints then answer 404
   * @param webCancel web.cancel.enable as the JobManager has it
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Features(
      @JsonProperty("web-submit") boolean webSubmit,
      @JsonProperty("web-cancel") boolean webCancel,
      @JsonProperty("web-rescale") boolean webRescale,
      @JsonProperty("web-history") boolean webHistory) {
  }
}
