package dev.flinkctl.control.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One JobManager's REST endpoint as JSON over java.net.http: sends a call, turns Flink's error
 * answers and unreadable bodies into {@link FlinkRestException}s. Shared by the REST client's parts
 * so that each part only says which path and which shape.
 */
final class JsonHttp {
  static final String JSON = "application/json";
  private static final int ERROR_BODY_CHARS = 500;
  // Thread-safe once built, and costly to build: one for all clients.
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // A metric can be NaN; accept the bare token as well as the string Jackson writes by default.
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  /** An answer with a 2xx status; method and URI are kept for the error messages. */
  record Response(String method, URI uri, int status, byte[] body) {
  }

  private final String base;
  private final Duration timeout;
  private final HttpClient http;

  JsonHttp(URI baseUri, Duration timeout) {
    Objects.requireNonNull(baseUri, "baseUri");
    String scheme = baseUri.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || baseUri.getHost() == null) {
      throw new IllegalArgumentException("Flink REST address must be http(s)://host:port, got " + baseUri);
    }
    String s = baseUri.toString();
    this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        // Flink's REST server speaks HTTP/1.1 only; skip the h2c upgrade attempt.
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  String base() {
    return base;
  }

  Duration timeout() {
    return timeout;
  }

  Response get(String path) {
    return send("GET", path, BodyPublishers.noBody(), null, timeout);
  }

  Response post(String path, Object body) {
    return send("POST", path, jsonBody(body), JSON, timeout);
  }

  Response send(String method, String path, BodyPublisher body, String contentType, Duration requestTimeout) {
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
  private static List<String> errors(byte[] body) {
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

  JsonNode tree(Response r) {
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

  <T> T read(Response r, Class<T> type) {
    return convert(r, tree(r), MAPPER.getTypeFactory().constructType(type), type.getSimpleName());
  }

  <T> T read(Response r, TypeReference<T> type) {
    return convert(r, tree(r), MAPPER.getTypeFactory().constructType(type), "the expected shape");
  }

  <T> T readField(Response r, String field, TypeReference<T> type) {
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

  BodyPublisher jsonBody(Object body) {
    try {
      return BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write request body " + body, e);
    }
  }

  // Jar ids contain the uploaded file name; encoding keeps any character from changing the path.
  static String segment(String value) {
    Objects.requireNonNull(value, "path parameter");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty path parameter");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
  }
}
