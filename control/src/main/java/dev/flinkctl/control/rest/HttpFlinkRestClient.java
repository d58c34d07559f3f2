package dev.flinkctl.control.rest;

import static dev.flinkctl.control.rest.JsonHttp.JSON;
import static dev.flinkctl.control.rest.JsonHttp.segment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flinkctl.control.rest.JsonHttp.Response;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link FlinkRestClient} over java.net.http. Thread-safe; keep one per JobManager address. */
public final class HttpFlinkRestClient implements FlinkRestClient {

  /**
   * Running a jar executes the job's main method on the JobManager, and uploading streams a
   * possibly large jar: both take longer than a status call, so they get at least this much time.
   */
  public static final Duration MIN_SUBMIT_TIMEOUT = Duration.ofMinutes(2);

  // Canonical savepoints can be restored by any state backend, so an upgrade may switch backends.
  private static final String SAVEPOINT_FORMAT = "CANONICAL";
  private static final String JAR = "application/x-java-archive";

  private final JsonHttp http;
  private final MetricsApi metrics;
  private final Duration timeout;
  private final Duration submitTimeout;

  /**
   * @param baseUri the REST endpoint, e.g. http://127.0.0.1:8081; a path prefix (a proxy) is kept
   * @param timeout for connecting and for each answer; upload and run get at least
   *     {@link #MIN_SUBMIT_TIMEOUT}
   */
  public HttpFlinkRestClient(URI baseUri, Duration timeout) {
    this(baseUri, timeout, max(timeout, MIN_SUBMIT_TIMEOUT));
  }

  /** As above, with an explicit timeout for jar upload and run. */
  public HttpFlinkRestClient(URI baseUri, Duration timeout, Duration submitTimeout) {
    Objects.requireNonNull(baseUri, "baseUri");
    requirePositive(timeout, "timeout");
    requirePositive(submitTimeout, "submitTimeout");
    this.http = new JsonHttp(baseUri, timeout);
    this.metrics = new MetricsApi(http);
    this.timeout = timeout;
    this.submitTimeout = submitTimeout;
  }

  @Override
  public ClusterOverview overview() {
    return http.read(http.get("/overview"), ClusterOverview.class);
  }

  @Override
  public List<JobOverview> jobs() {
    return http.readField(http.get("/jobs/overview"), "jobs", new TypeReference<List<JobOverview>>() { });
  }

  @Override
  public JobDetails job(String jobId) {
    return http.read(http.get("/jobs/" + segment(jobId)), JobDetails.class);
  }

  @Override
  public String uploadJar(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("Not a file: " + jar);
    }
    MultipartBody body = new MultipartBody("jarfile", jar, uploadName(jar), JAR);
    Response r = http.send("POST", "/jars/upload", body.publisher(), body.contentType(), submitTimeout);
    String filename = http.readField(r, "filename", new TypeReference<String>() { });
    // Flink answers with the stored file's path; the jar id is its last segment.
    return filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  }

  @Override
  public String runJar(String jarId, JarRunRequest request) {
    Response r = http.send("POST", "/jars/" + segment(jarId) + "/run", http.jsonBody(request), JSON,
        submitTimeout);
    return http.readField(r, "jobid", new TypeReference<String>() { });
  }

  @Override
  public void deleteJar(String jarId) {
    http.send("DELETE", "/jars/" + segment(jarId), BodyPublishers.noBody(), null, timeout);
  }

  @Override
  public void cancel(String jobId) {
    http.send("PATCH", "/jobs/" + segment(jobId) + "?mode=cancel", BodyPublishers.noBody(), null, timeout);
  }

  @Override
  public String triggerSavepoint(String jobId, String targetDirectory, boolean cancelJob,
      String triggerId) {
    ObjectNode body = JsonHttp.MAPPER.createObjectNode();
    putIfNotNull(body, "target-directory", targetDirectory);
    body.put("cancel-job", cancelJob);
    body.put("formatType", SAVEPOINT_FORMAT);
    putIfNotNull(body, "triggerId", triggerId);
    return http.readField(http.post("/jobs/" + segment(jobId) + "/savepoints", body), "request-id",
        new TypeReference<String>() { });
  }

  @Override
  public String stopWithSavepoint(String jobId, String targetDirectory, boolean drain,
      String triggerId) {
    ObjectNode body = JsonHttp.MAPPER.createObjectNode();
    putIfNotNull(body, "targetDirectory", targetDirectory);
    body.put("drain", drain);
    body.put("formatType", SAVEPOINT_FORMAT);
    putIfNotNull(body, "triggerId", triggerId);
    return http.readField(http.post("/jobs/" + segment(jobId) + "/stop", body), "request-id",
        new TypeReference<String>() { });
  }

  @Override
  public SavepointStatus savepointStatus(String jobId, String triggerId) {
    Response r = http.get("/jobs/" + segment(jobId) + "/savepoints/" + segment(triggerId));
    JsonNode root = http.tree(r);
    String id = root.path("status").path("id").asText("");
    JsonNode operation = root.path("operation");
    switch (id) {
      case "IN_PROGRESS":
        return new SavepointStatus(SavepointStatus.State.IN_PROGRESS, null, null);
      case "COMPLETED":
        JsonNode failure = operation.path("failure-cause");
        if (!failure.isMissingNode() && !failure.isNull()) {
          return new SavepointStatus(SavepointStatus.State.COMPLETED, null, failureText(failure));
        }
        return new SavepointStatus(SavepointStatus.State.COMPLETED,
            textOrNull(operation.path("location")), null);
      default:
        throw new FlinkResponseException(r.method(), r.uri(), r.status(),
            "unknown savepoint status.id '" + id + "'", null);
    }
  }

  @Override
  public CheckpointStats checkpoints(String jobId) {
    return http.read(http.get("/jobs/" + segment(jobId) + "/checkpoints"), CheckpointStats.class);
  }

  @Override
  public List<VertexMetric> vertexMetrics(String jobId, String vertexId, List<String> names) {
    return metrics.vertexMetrics(jobId, vertexId, names);
  }

  @Override
  public List<String> vertexMetricNames(String jobId, String vertexId) {
    return metrics.vertexMetricNames(jobId, vertexId);
  }

  @Override
  public BackpressureInfo backpressure(String jobId, String vertexId) {
    return metrics.backpressure(jobId, vertexId);
  }

  @Override
  public ResourceRequirements resourceRequirements(String jobId) {
    Map<String, VertexRequirements> vertices = http.read(
        http.get("/jobs/" + segment(jobId) + "/resource-requirements"),
        new TypeReference<Map<String, VertexRequirements>>() { });
    Map<String, ParallelismBounds> bounds = new LinkedHashMap<>();
    vertices.forEach((id, v) -> {
      if (v != null && v.parallelism() != null) {
        bounds.put(id, v.parallelism());
      }
    });
    return new ResourceRequirements(bounds);
  }

  @Override
  public void updateResourceRequirements(String jobId, Map<String, ParallelismBounds> requirements) {
    Map<String, VertexRequirements> body = new LinkedHashMap<>();
    requirements.forEach((id, b) -> body.put(id, new VertexRequirements(b)));
    http.send("PUT", "/jobs/" + segment(jobId) + "/resource-requirements", http.jsonBody(body), JSON,
        timeout);
  }

  @Override
  public List<TaskManagerInfo> taskManagers() {
    return http.readField(http.get("/taskmanagers"), "taskmanagers",
        new TypeReference<List<TaskManagerInfo>>() { });
  }

  @Override
  public JobExceptions exceptions(String jobId) {
    return http.read(http.get("/jobs/" + segment(jobId) + "/exceptions?maxExceptions=1"), JobExceptions.class);
  }

  @Override
  public DashboardConfig config() {
    return http.read(http.get("/config"), DashboardConfig.class);
  }

  @Override
  public String toString() {
    return "HttpFlinkRestClient[" + http.base() + "]";
  }

  /** The per-vertex value of Flink's resource-requirements map. */
  record VertexRequirements(@JsonProperty("parallelism") ParallelismBounds parallelism) {
  }

  /** Flink's failure-cause: class, stack-trace (and in newer versions message). */
  private static String failureText(JsonNode failure) {
    String stackTrace = textOrNull(failure.path("stack-trace"));
    if (stackTrace != null) {
      return ErrorText.summary(stackTrace);
    }
    String message = textOrNull(failure.path("message"));
    String type = textOrNull(failure.path("class"));
    String text = type == null ? message : message == null ? type : type + ": " + message;
    return text == null ? "unknown failure" : text;
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static void putIfNotNull(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /**
   * The file name sent with the upload. Flink accepts only names ending in .jar, and the name
   * becomes part of the jar id and so of later URLs: keep it to plain characters.
   */
  static String uploadName(Path jar) {
    String name = jar.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return name.endsWith(".jar") ? name : name + ".jar";
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
