package dev.flinkctl.control.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The metric calls of {@link FlinkRestClient}: a vertex's metrics aggregated over its subtasks,
 * the metric names it has, and Flink's back-pressure sample.
 */
final class MetricsApi {
  private final JsonHttp http;

  MetricsApi(JsonHttp http) {
    this.http = http;
  }

  List<VertexMetric> vertexMetrics(String jobId, String vertexId, List<String> names) {
    String path = subtaskMetricsPath(jobId, vertexId);
    if (!names.isEmpty()) {
      // Each name encoded on its own: the comma between them is Flink's list separator.
      path += "?get=" + names.stream().map(JsonHttp::query).collect(Collectors.joining(","))
          + "&agg=min,max,avg,sum";
    }
    return http.read(http.get(path), new TypeReference<List<VertexMetric>>() { });
  }

  /**
   * Without {@code get} the aggregating handler lists the union of the subtasks' metric names,
   * each usable as is in {@code get}. (GET /jobs/:id/vertices/:vid/metrics lists the same metrics
   * once per subtask, each name prefixed with the subtask index.)
   */
  List<String> vertexMetricNames(String jobId, String vertexId) {
    List<VertexMetric> listed = http.read(http.get(subtaskMetricsPath(jobId, vertexId)),
        new TypeReference<List<VertexMetric>>() { });
    return listed.stream().map(VertexMetric::id).sorted().toList();
  }

  BackpressureInfo backpressure(String jobId, String vertexId) {
    return http.read(http.get(vertexPath(jobId, vertexId) + "/backpressure"), BackpressureInfo.class);
  }

  private static String subtaskMetricsPath(String jobId, String vertexId) {
    return vertexPath(jobId, vertexId) + "/subtasks/metrics";
  }

  private static String vertexPath(String jobId, String vertexId) {
    return "/jobs/" + JsonHttp.segment(jobId) + "/vertices/" + JsonHttp.segment(vertexId);
  }
}
