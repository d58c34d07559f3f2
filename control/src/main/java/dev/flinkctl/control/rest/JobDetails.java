package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /jobs/:id: the job's state and its vertices (operator chains) with their parallelism.
 *
 * @param endTime -1 while the job has not ended
 * @param timestamps per job state (Flink's names), the last time the job entered it, epoch millis
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobDetails(
    @JsonProperty("jid") String jid,
    @JsonProperty("name") String name,
    @JsonProperty("state") FlinkJobState state,
    @JsonProperty("start-time") long startTime,
    @JsonProperty("end-time") long endTime,
    @JsonProperty("duration") long duration,
    @JsonProperty("maxParallelism") int maxParallelism,
    @JsonProperty("vertices") List<Vertex> vertices,
    @JsonProperty("timestamps") Map<String, Long> timestamps) {

  public JobDetails {
    state = state == null ? FlinkJobState.UNKNOWN : state;
    vertices = vertices == null ? List.of() : List.copyOf(vertices);
    timestamps = timestamps == null ? Map.of() : Map.copyOf(timestamps);
  }

  /**
   * When the job last entered RUNNING: after a failover restart or an in-place rescale this is
   * the restart, not the submission. Null when Flink has not said (it reports 0 for states never
   * reached).
   */
  public Instant runningSince() {
    Long at = timestamps.get("RUNNING");
    return at == null || at <= 0 ? null : Instant.ofEpochMilli(at);
  }

  /** The vertex with this id, if the job has it. */
  public Optional<Vertex> vertex(String id) {
    return vertices.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  /**
   * A job vertex.
   *
   * @param maxParallelism the upper limit for rescaling (key groups)
   * @param status Flink's execution state name (CREATED, RUNNING, FINISHED, ...); kept as text
   *     because it is for display and Flink adds states over time
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Vertex(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("parallelism") int parallelism,
      @JsonProperty("maxParallelism") int maxParallelism,
      @JsonProperty("status") String status) {
  }
}
