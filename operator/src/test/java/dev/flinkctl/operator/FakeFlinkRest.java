package dev.flinkctl.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flink's REST API, only as far as stop-with-savepoint goes: POST /jobs/ID/stop, then the
 * operation's status, in progress once and then completed. Records the requests it was sent.
 */
final class FakeFlinkRest implements AutoCloseable {
  final List<String> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final AtomicInteger statusCalls = new AtomicInteger();
  private volatile boolean stopped;

  FakeFlinkRest() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/jobs/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(ex.getRequestMethod() + " " + path);
    if (ex.getRequestMethod().equals("POST") && path.endsWith("/stop")) {
      stopped = true;
      send(ex, 202, "{\"request-id\":\"" + path.split("/")[2] + "\"}");
    } else if (path.contains("/savepoints/") && !stopped) {
      send(ex, 404, "{\"errors\":[\"Operation not found under key\"]}");
    } else if (path.contains("/savepoints/") && statusCalls.getAndIncrement() == 0) {
      send(ex, 200, "{\"status\":{\"id\":\"IN_PROGRESS\"}}");
    } else if (path.contains("/savepoints/")) {
      send(ex, 200, "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"s3://b/savepoints/sp-1\"}}");
    } else {
      send(ex, 404, "{\"errors\":[\"Not found\"]}");
    }
  }

  private static void send(HttpExchange ex, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
