package dev.flinkctl.control.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process stand-in for a JobManager's REST endpoint: canned answers per method and path,
 * every request recorded. Unit tests only; real-Flink tests check the shapes for real. Public for
 * the tests of code that reads Flink through {@link HttpFlinkRestClient}, e.g. the autoscaler's sampler.
 */
public final class FakeFlink implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as the server received it; path and query raw (still percent-encoded). */
  public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private record Reply(int status, String contentType, String body, Duration delay) {
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-flink");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeFlink() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answer METHOD path (without query) with this status and JSON body. */
  public FakeFlink on(String method, String path, int status, String json) {
    return reply(method, path, new Reply(status, "application/json; charset=UTF-8", json, Duration.ZERO));
  }

  /**
   * Answer METHOD path when the request has a query string, e.g. a metrics call with ?get=...,
   * while {@link #on} for the same path answers the call without one.
   */
  public FakeFlink onWithQuery(String method, String path, String json) {
    return reply(method, path + "?", new Reply(200, "application/json; charset=UTF-8", json, Duration.ZERO));
  }

  FakeFlink onText(String method, String path, int status, String contentType, String body) {
    return reply(method, path, new Reply(status, contentType, body, Duration.ZERO));
  }

  FakeFlink onSlow(String method, String path, Duration delay, String json) {
    return reply(method, path, new Reply(200, "application/json; charset=UTF-8", json, delay));
  }

  private FakeFlink reply(String method, String path, Reply reply) {
    replies.put(method + " " + path, reply);
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The one request the test made; fails if there were more or none. */
  Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests);
    }
    return requests.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(exchange.getRequestHeaders());
      requests.add(new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
          headers, body));
      String key = exchange.getRequestMethod() + " " + uri.getRawPath();
      Reply queried = uri.getRawQuery() == null ? null : replies.get(key + "?");
      Reply reply = queried != null ? queried : replies.getOrDefault(key,
          // What Flink answers for an unknown URL.
          new Reply(404, "application/json; charset=UTF-8",
              "{\"errors\":[\"Not found: " + uri.getRawPath() + "\"]}", Duration.ZERO));
      if (!reply.delay().isZero()) {
        try {
          Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
