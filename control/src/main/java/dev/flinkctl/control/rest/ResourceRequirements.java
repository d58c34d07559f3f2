package dev.flinkctl.control.rest;

import java.util.Map;
import java.util.Optional;

/**
 * GET /jobs/:id/resource-requirements (adaptive scheduler, Flink 1.18+): the parallelism bounds
 * per vertex id.
 */
public record ResourceRequirements(Map<String, ParallelismBounds> vertices) {

  public ResourceRequirements {
    vertices = Map.copyOf(vertices);
  }

  /** The bounds of this vertex, if the job has it. */
  public Optional<ParallelismBounds> bounds(String vertexId) {
    return Optional.ofNullable(vertices.get(vertexId));
  }
}
