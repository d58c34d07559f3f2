package dev.flinkctl.control.rest;

import static dev.flinkctl.control.rest.FlinkResponses.JAR_ID;
import static dev.flinkctl.control.rest.FlinkResponses.JOB_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures come out as typed exceptions, told apart by type and status, never by text. */
class FlinkRestErrorsTest {
  FakeFlink flink;
  FlinkRestClient client;

  @BeforeEach
  void start() {
    flink = new FakeFlink();
    client = new HttpFlinkRestClient(flink.uri(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    flink.close();
  }

  @Test
  void connectionRefusedIsUnreachableAndNamesTheUrl() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    FlinkRestClient nobodyHome = new HttpFlinkRestClient(URI.create("http://127.0.0.1:" + port),
        Duration.ofSeconds(2));

    FlinkUnreachableException e = catchThrowableOfType(FlinkUnreachableException.class,
        nobodyHome::overview);

    assertThat(e).isInstanceOf(FlinkRestException.class);
    assertThat(e.uri()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/overview"));
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.getMessage())
        .contains("http://127.0.0.1:" + port + "/overview")
        .contains("connection refused")
        .contains("JobManager");
  }

  @Test
  void unknownHostIsUnreachable() {
    // .invalid never resolves (RFC 2606).
    FlinkRestClient nowhere = new HttpFlinkRestClient(URI.create("http://jobmanager.invalid:8081"),
        Duration.ofSeconds(2));

    FlinkUnreachableException e = catchThrowableOfType(FlinkUnreachableException.class, nowhere::config);

    assertThat(e.getMessage()).contains("http://jobmanager.invalid:8081/config").contains("unknown host");
  }

  @Test
  void slowAnswerBeyondTheTimeoutIsUnreachable() {
    flink.onSlow("GET", "/jobs/overview", Duration.ofSeconds(3), "{\"jobs\":[]}");
    FlinkRestClient impatient = new HttpFlinkRestClient(flink.uri(), Duration.ofMillis(300));

    long start = System.nanoTime();
    FlinkUnreachableException e = catchThrowableOfType(FlinkUnreachableException.class, impatient::jobs);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(e.getMessage()).contains(flink.uri() + "/jobs/overview").contains("no answer within 300 ms");
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void notFound() {
    flink.on("GET", "/jobs/" + JOB_ID, 404, "{\"errors\":[\"Job not found\"]}");

    FlinkApiException e = catchThrowableOfType(FlinkApiException.class, () -> client.job(JOB_ID));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.isUnavailable()).isFalse();
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.errors()).containsExactly("Job not found");
    assertThat(e.getMessage()).isEqualTo("Flink REST GET /jobs/" + JOB_ID + " answered 404: Job not found");
  }

  @Test
  void unknownEndpointIsNotFoundToo() {
    // A Flink without web submission has no /jars handlers.
    FlinkApiException e = catchThrowableOfType(FlinkApiException.class, () -> client.deleteJar(JAR_ID));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.errors()).containsExactly("Not found: /jars/" + JAR_ID);
  }

  @Test
  void leaderElectionIsUnavailable() {
    flink.on("GET", "/overview", 503, FlinkResponses.LEADER_ELECTION);

    FlinkApiException e = catchThrowableOfType(FlinkApiException.class, client::overview);

    assertThat(e.isUnavailable()).isTrue();
    assertThat(e.isNotFound()).isFalse();
    assertThat(e.getMessage()).contains("503").contains("leader election");
  }

  @Test
  void serverErrorKeepsEveryEntryAndSummarizesWithTheRootCause() {
    flink.on("POST", "/jars/" + JAR_ID + "/run", 500, FlinkResponses.INTERNAL_ERROR);

    FlinkApiException e = catchThrowableOfType(FlinkApiException.class,
        () -> client.runJar(JAR_ID, new JarRunRequest("com.example.OrdersJob", List.of(), null, null, null, null)));

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.errors()).hasSize(2);
    assertThat(e.errors().get(1)).contains("\tat com.example.OrdersJob.main");
    assertThat(e.getMessage())
        .isEqualTo("Flink REST POST /jars/" + JAR_ID + "/run answered 500: Internal server error.; "
            + "org.apache.flink.client.program.ProgramInvocationException: The main method caused an "
            + "error: missing --topic (root cause: java.lang.IllegalArgumentException: missing --topic)");
  }

  @Test
  void errorWithoutFlinksJsonKeepsTheBodyText() {
    flink.onText("GET", "/overview", 502, "text/html", "<html><body>502 Bad Gateway</body></html>");

    FlinkApiException e = catchThrowableOfType(FlinkApiException.class, client::overview);

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.errors()).containsExactly("<html><body>502 Bad Gateway</body></html>");
  }

  @Test
  void errorWithoutBody() {
    flink.onText("GET", "/overview", 500, "text/plain", "");

    FlinkApiException e = catchThrowableOfType(FlinkApiException.class, client::overview);

    assertThat(e.errors()).isEmpty();
    assertThat(e.getMessage()).endsWith("answered 500: no error details");
  }

  @Test
  void successWithAnUnreadableBodyIsAResponseError() {
    flink.onText("GET", "/overview", 200, "text/html", "<html>Welcome to nginx!</html>");

    FlinkResponseException e = catchThrowableOfType(FlinkResponseException.class, client::overview);

    assertThat(e).isInstanceOf(FlinkRestException.class);
    assertThat(e.getMessage()).contains("/overview").contains("200");
  }

  @Test
  void successWithoutTheExpectedFieldIsAResponseError() {
    flink.on("GET", "/taskmanagers", 200, "{}");

    FlinkResponseException e = catchThrowableOfType(FlinkResponseException.class, client::taskManagers);

    assertThat(e.getMessage()).contains("\"taskmanagers\"");
  }

  @Test
  void rejectsAddressesThatAreNotHttp() {
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> new HttpFlinkRestClient(URI.create("localhost:8081"), Duration.ofSeconds(1)));

    assertThat(e).hasMessageContaining("http(s)://host:port");
  }
}
