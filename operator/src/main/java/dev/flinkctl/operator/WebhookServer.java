package dev.flinkctl.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The validating webhook's HTTPS endpoint. A renewed certificate applies to new connections without a restart. */
final class WebhookServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
  private final HttpsServer server;

  WebhookServer(int port, CertificateAuthority.Issued serving) {
    try {
      server = HttpsServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    use(serving);
    server.createContext(InstallManifests.WEBHOOK_PATH, this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void use(CertificateAuthority.Issued serving) {
    server.setHttpsConfigurator(new HttpsConfigurator(sslContext(serving)));
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(405, -1);
      exchange.close();
      return;
    }
    byte[] answer;
    int code = 200;
    try (InputStream in = exchange.getRequestBody()) {
      JsonNode review = JSON.readTree(in);
      answer = JSON.writeValueAsBytes(AdmissionValidator.review(review));
    } catch (IOException | RuntimeException e) {
      LOG.warn("admission review failed: {}", e.toString());
      code = 400;
      answer = ("{\"error\":" + JSON.writeValueAsString(String.valueOf(e.getMessage())) + "}").getBytes();
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private static SSLContext sslContext(CertificateAuthority.Issued serving) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = new char[0];
      store.setKeyEntry("webhook", CertificateAuthority.privateKey(serving.key()), password,
          new Certificate[] {CertificateAuthority.certificate(serving.certificate())});
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the webhook's TLS context", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
