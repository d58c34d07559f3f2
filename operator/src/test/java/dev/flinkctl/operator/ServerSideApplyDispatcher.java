package dev.flinkctl.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fabric8 mock server's CRUD dispatcher, which refuses server-side apply (415), taught enough
 * of it for these tests: apply creates a missing object, and on an existing one removes the fields
 * the same field manager applied last time but not now, then merges the applied fields in (lists
 * whole). That is server-side apply for a manager that owns what it applies; conflicts between
 * managers are not modelled. Also answers the permission check JOSDK makes before leader election
 * (a SelfSubjectRulesReview) with "everything allowed", and counts and times requests, for the benchmark.
 */
final class ServerSideApplyDispatcher extends KubernetesCrudDispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, JsonNode> lastApplied = new ConcurrentHashMap<>();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong writes = new AtomicLong();
  final List<String> writeLog = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Requests from a client with this user agent (a benchmark's own) are not counted. */
  static final String UNCOUNTED_AGENT = "flinkctl-benchmark";

  /** One request as the server handled it, from its start to its answer; {@code counted} is false for a benchmark's own. */
  record Served(long startNanos, long endNanos, boolean counted, String method, String path) {}

  /** Requests served while timing is on, for a benchmark's account of where an update's time went. */
  private volatile Queue<Served> served;

  void startTiming() {
    served = new ConcurrentLinkedQueue<>();
  }

  List<Served> stopTiming() {
    List<Served> all = List.copyOf(served);
    served = null;
    return all;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Queue<Served> timing = served;
    if (timing == null || request.getPath().contains("watch=true")) {
      return countAndDispatch(request);
    }
    long start = System.nanoTime();
    MockResponse response = countAndDispatch(request);
    timing.add(new Served(start, System.nanoTime(), !uncounted(request), request.getMethod(), request.getPath()));
    return response;
  }

  private static boolean uncounted(RecordedRequest request) {
    String agent = request.getHeader("User-Agent");
    return agent != null && agent.contains(UNCOUNTED_AGENT);
  }

  private MockResponse countAndDispatch(RecordedRequest request) {
    boolean watch = request.getPath().contains("watch=true");
    if (uncounted(request)) {
      return super.dispatch(request);
    }
    if (!watch) {
      requests.incrementAndGet();
    }
    if (!request.getMethod().equals("GET")) {
      writes.incrementAndGet();
      writeLog.add(request.getMethod() + " " + request.getPath());
    }
    return super.dispatch(request);
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    if (request.getPath().endsWith("/selfsubjectrulesreviews")) {
      return new MockResponse().setResponseCode(201).setBody("{\"apiVersion\":\"authorization.k8s.io/v1\","
          + "\"kind\":\"SelfSubjectRulesReview\",\"spec\":{},\"status\":{\"incomplete\":false,"
          + "\"nonResourceRules\":[],\"resourceRules\":[{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],"
          + "\"verbs\":[\"*\"]}]}}");
    }
    return super.handleCreate(request);
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    if (type == null || !type.contains("apply-patch")) {
      return super.handlePatch(request);
    }
    String path = request.getPath().split("\\?", 2)[0];
    String key = path + "|" + queryParam(request.getPath(), "fieldManager");
    JsonNode applied = read(request.getUtf8Body());
    MockResponse current = handleGet(path);
    if (current.code() == 404) {
      lastApplied.put(key, applied);
      return handleCreate(request(HttpMethod.POST, path.substring(0, path.lastIndexOf('/')), applied));
    }
    ObjectNode stored = (ObjectNode) read(current.getBody().readUtf8());
    String resourceVersion = stored.path("metadata").path("resourceVersion").asText();
    removeDropped(stored, lastApplied.get(key), applied);
    merge(stored, applied);
    ((ObjectNode) stored.get("metadata")).put("resourceVersion", resourceVersion);
    lastApplied.put(key, applied);
    return handleUpdate(request(HttpMethod.PUT, path, stored));
  }

  private static void removeDropped(ObjectNode target, JsonNode before, JsonNode now) {
    if (before == null || !before.isObject()) {
      return;
    }
    before.fieldNames().forEachRemaining(field -> {
      JsonNode next = now == null ? null : now.get(field);
      if (next == null) {
        target.remove(field);
      } else if (next.isObject() && target.get(field) instanceof ObjectNode child) {
        removeDropped(child, before.get(field), next);
      }
    });
  }

  private static void merge(ObjectNode target, JsonNode applied) {
    applied.fields().forEachRemaining(e -> {
      if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode child) {
        merge(child, e.getValue());
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    });
  }

  private static RecordedRequest request(HttpMethod method, String path, JsonNode body) {
    try {
      return new RecordedRequest("HTTP/1.1", method, path,
          Headers.builder().add("Content-Type", "application/json").build(),
          new Buffer(JSON.writeValueAsBytes(body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String queryParam(String path, String name) {
    String[] parts = path.split("\\?", 2);
    if (parts.length < 2) {
      return "";
    }
    for (String pair : parts[1].split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
