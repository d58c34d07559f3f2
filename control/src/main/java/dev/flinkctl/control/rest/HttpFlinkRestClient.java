package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@link FlinkRestClient} over java.net.http. Thread-safe; keep one per JobManager address. */
public final class HttpFlinkRestClient implements FlinkRestClient {

  /**
   * Running a jar executes the job's main method on the JobManager, and uploading streams a
   * possibly large jar: both take longer than a status call, so they get at least this much time.
   */
  public static final Duration MIN_SUBMIT_TIMEOUT = Duration.ofMinutes(2);

  // Canonical savepoints can be restored by any state backend, so an upgrade may switch backends.
  private static final String SAVEPOINT_FORMAT = "CANONICAL";
  private static final String JSON = "application/json";
  private static final String JAR = "application/x-java-archive";
  private static final int ERROR_BODY_CHARS = 500;
  // Thread-safe once built, and costly to build: one for all clients.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // A metric can be NaN; accept the bare token as well as the string Jackson writes by default.
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private final String base;
  private final Duration timeout;
  private final Duration submitTimeout;
  private final HttpClient http;

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
    String scheme = baseUri.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || baseUri.getHost() == null) {
      throw new IllegalArgumentException("Flink REST address must be http(s)://host:port, got " + baseUri);
    }
    requirePositive(timeout, "timeout");
    requirePositive(submitTimeout, "submitTimeout");
    String s = baseUri.toString();
    this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    this.timeout = timeout;
    this.submitTimeout = submitTimeout;
    this.http = HttpClient.newBuilder()
        // Flink's REST server speaks HTTP/1.1 only; skip the h2c upgrade attempt.
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public ClusterOverview overview() {
    return read(get("/overview"), ClusterOverview.class);
  }

  @Override
  public List<JobOverview> jobs() {
    return readField(get("/jobs/overview"), "jobs", new TypeReference<List<JobOverview>>() { });
  }

  @Override
  public JobDetails job(String jobId) {
    return read(get("/jobs/" + segment(jobId)), JobDetails.class);
  }

  @Override
  public String uploadJar(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("Not a file: " + jar);
    }
    MultipartBody body = new MultipartBody("jarfile", jar, uploadName(jar), JAR);
    Response r = send("POST", "/jars/upload", body.publisher(), body.contentType(), submitTimeout);
    String filename = readField(r, "filename", new TypeReference<String>() { });
    // Flink answers with the stored file's path; the jar id is its last segment.
    return filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  }

  @Override
  public String runJar(String jarId, JarRunRequest request) {
    Response r = send("POST", "/jars/" + segment(jarId) + "/run", jsonBody(request), JSON, submitTimeout);
    return readField(r, "jobid", new TypeReference<String>() { });
  }

  @Override
  public void deleteJar(String jarId) {
    send("DELETE", "/jars/" + segment(jarId), BodyPublishers.noBody(), null, timeout);
  }

  @Override
  public void cancel(String jobId) {
    send("PATCH", "/jobs/" + segment(jobId) + "?mode=cancel", BodyPublishers.noBody(), null, timeout);
  }

  @Override
  public String triggerSavepoint(String jobId, String targetDirectory, boolean cancelJob,
      String triggerId) {
    ObjectNode body = MAPPER.createObjectNode();
    putIfNotNull(body, "target-directory", targetDirectory);
    body.put("cancel-job", cancelJob);
    body.put("formatType", SAVEPOINT_FORMAT);
    putIfNotNull(body, "triggerId", triggerId);
    return readField(post("/jobs/" + segment(jobId) + "/savepoints", body), "request-id",
        new TypeReference<String>() { });
  }

  @Override
  public String stopWithSavepoint(String jobId, String targetDirectory, boolean drain,
      String triggerId) {
    ObjectNode body = MAPPER.createObjectNode();
    putIfNotNull(body, "targetDirectory", targetDirectory);
    body.put("drain", drain);
    body.put("formatType", SAVEPOINT_FORMAT);
    putIfNotNull(body, "triggerId", triggerId);
    return readField(post("/jobs/" + segment(jobId) + "/stop", body), "request-id",
        new TypeReference<String>() { });
  }

  @Override
  public SavepointStatus savepointStatus(String jobId, String triggerId) {
    Response r = get("/jobs/" + segment(jobId) + "/savepoints/" + segment(triggerId));
    JsonNode root = tree(r);
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
        throw new FlinkResponseException(r.method, r.uri, r.status,
            "unknown savepoint status.id '" + id + "'", null);
    }
  }

  @Override
  public CheckpointStats checkpoints(String jobId) {
    return read(get("/jobs/" + segment(jobId) + "/checkpoints"), CheckpointStats.class);
  }

  @Override
  public List<VertexMetric> vertexMetrics(String jobId, String vertexId, List<String> names) {
    String path = "/jobs/" + segment(jobId) + "/vertices/" + segment(vertexId) + "/subtasks/metrics";
    if (!names.isEmpty()) {
      // Each name encoded on its own: the comma between them is Flink's list separator.
      path += "?get=" + names.stream().map(HttpFlinkRestClient::query).collect(Collectors.joining(","))
          + "&agg=min,max,avg,sum";
    }
    return read(get(path), new TypeReference<List<VertexMetric>>() { });
  }

  @Override
  public BackpressureInfo backpressure(String jobId, String vertexId) {
    return read(get("/jobs/" + segment(jobId) + "/vertices/" + segment(vertexId) + "/backpressure"),
        BackpressureInfo.class);
  }

  @Override
  public ResourceRequirements resourceRequirements(String jobId) {
    Map<String, VertexRequirements> vertices = read(
        get("/jobs/" + segment(jobId) + "/resource-requirements"),
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
    send("PUT", "/jobs/" + segment(jobId) + "/resource-requirements", jsonBody(body), JSON, timeout);
  }

  @Override
  public List<TaskManagerInfo> taskManagers() {
    return readField(get("/taskmanagers"), "taskmanagers",
        new TypeReference<List<TaskManagerInfo>>() { });
  }

  @Override
  public JobExceptions exceptions(String jobId) {
    return read(get("/jobs/" + segment(jobId) + "/exceptions?maxExceptions=1"), JobExceptions.class);
  }

  @Override
  public DashboardConfig config() {
    return read(get("/config"), DashboardConfig.class);
  }

  @Override
  public String toString() {
    return "HttpFlinkRestClient[" + base + "]";
  }

  /** The per-vertex value of Flink's resource-requirements map. */
  record VertexRequirements(@JsonProperty("parallelism") ParallelismBounds parallelism) {
  }

  private record Response(String method, URI uri, int status, byte[] body) {
  }

  private Response get(String path) {
    return send("GET", path, BodyPublishers.noBody(), null, timeout);
  }

  private Response post(String path, Object body) {
    return send("POST", path, jsonBody(body), JSON, timeout);
  }

  private Response send(String method, String path, BodyPublisher body, String contentType,
      Duration requestTimeout) {
    URI uri = URI.create(base + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Accept", JSON)
        .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new FlinkUnreachableException(method, uri, requestTimeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkUnreachableException(method, uri, requestTimeout, e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new FlinkApiException(method, uri, status, errors(response.body()));
    }
    return new Response(method, uri, status, response.body());
  }

  /** Flink's {"errors": [...]}; anything else (a proxy's page, say) is kept as its first characters. */
  private List<String> errors(byte[] body) {
    try {
      JsonNode errors = MAPPER.readTree(body).path("errors");
      if (errors.isArray()) {
        List<String> list = new ArrayList<>();
        errors.forEach(e -> list.add(e.asText()));
        return list;
      }
    } catch (IOException notJson) {
      // fall through to the raw text
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return List.of();
    }
    return List.of(text.length() <= ERROR_BODY_CHARS ? text : text.substring(0, ERROR_BODY_CHARS) + "…");
  }

  private JsonNode tree(Response r) {
    try {
      JsonNode node = MAPPER.readTree(r.body);
      if (node == null || node.isMissingNode()) {
        throw new FlinkResponseException(r.method, r.uri, r.status, "empty body", null);
      }
      return node;
    } catch (IOException e) {
      throw new FlinkResponseException(r.method, r.uri, r.status, originalMessage(e), e);
    }
  }

  private <T> T read(Response r, Class<T> type) {
    return convert(r, tree(r), MAPPER.getTypeFactory().constructType(type), type.getSimpleName());
  }

  private <T> T read(Response r, TypeReference<T> type) {
    return convert(r, tree(r), MAPPER.getTypeFactory().constructType(type), "the expected shape");
  }

  private <T> T readField(Response r, String field, TypeReference<T> type) {
    JsonNode value = tree(r).get(field);
    if (value == null || value.isNull()) {
      throw new FlinkResponseException(r.method, r.uri, r.status, "no \"" + field + "\" field", null);
    }
    return convert(r, value, MAPPER.getTypeFactory().constructType(type), "\"" + field + "\"");
  }

  private <T> T convert(Response r, JsonNode node, JavaType type, String what) {
    try {
      T value = MAPPER.readerFor(type).readValue(node);
      if (value == null) {
        throw new FlinkResponseException(r.method, r.uri, r.status, "null where " + what + " was expected", null);
      }
      return value;
    } catch (IOException e) {
      throw new FlinkResponseException(r.method, r.uri, r.status,
          "not " + what + ": " + originalMessage(e), e);
    }
  }

  private BodyPublisher jsonBody(Object body) {
    try {
      return BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write request body " + body, e);
    }
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

  // Jar ids contain the uploaded file name; encoding keeps any character from changing the path.
  private static String segment(String value) {
    Objects.requireNonNull(value, "path parameter");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty path parameter");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * The file name sent with the upload. Flink accepts only names ending in .jar, and the name
   * becomes part of the jar id and so of later URLs: keep it to plain characters.
   */
  static String uploadName(Path jar) {
    String name = jar.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return name.endsWith(".jar") ? name : name + ".jar";
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
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
