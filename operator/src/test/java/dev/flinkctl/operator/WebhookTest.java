package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flinkctl.model.Seeds;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class WebhookTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void anHttpsAdmissionReviewAllowsAGoodSpecAndRejectsABadOneWithTheRulesMessage() throws Exception {
    CertificateAuthority.Issued ca = CertificateAuthority.newCa("test-ca", Instant.now());
    try (WebhookServer server = new WebhookServer(0, CertificateAuthority.serving(ca, List.of("localhost"), Instant.now()))) {
      HttpClient https = HttpClient.newBuilder().sslContext(trusting(ca.certificate())).build();
      URI uri = URI.create("https://localhost:" + server.port() + InstallManifests.WEBHOOK_PATH);

      JsonNode good = post(https, uri, review("good-1", Seeds.read(Seeds.seed("flink-cluster.yaml"))));
      String bad = Seeds.read(Seeds.seed("flink-cluster.yaml")).replace("\"2048m\"", "\"2048\"");
      JsonNode rejected = post(https, uri, review("bad-1", bad));

      assertThat(good.path("kind").asText()).isEqualTo("AdmissionReview");
      assertThat(good.path("response").path("uid").asText()).isEqualTo("good-1");
      assertThat(good.path("response").path("allowed").asBoolean()).isTrue();
      assertThat(rejected.path("response").path("uid").asText()).isEqualTo("bad-1");
      assertThat(rejected.path("response").path("allowed").asBoolean()).isFalse();
      assertThat(rejected.path("response").path("status").path("message").asText())
          .contains("FlinkCluster production-flink is invalid", "spec.jobManager.resources.memory");
    }
  }

  @Test
  void warningsComeBackAsAdmissionWarningsAndSpecUnchangedUpdatesPass() throws Exception {
    String tagless = Seeds.read(Seeds.seed("flink-cluster.yaml")).replace("image: flink:1.18",
        "image: flink:1.18\n  flinkVersion: \"1.19\"");
    JsonNode warned = AdmissionValidator.review(review("w", tagless));
    assertThat(warned.path("response").path("allowed").asBoolean()).isTrue();
    assertThat(warned.path("response").path("warnings")).isNotEmpty();

    String invalid = Seeds.read(Seeds.seed("flink-cluster.yaml")).replace("\"2048m\"", "\"2048\"");
    ObjectNode update = review("u", invalid);
    ((ObjectNode) update.path("request")).put("operation", "UPDATE")
        .set("oldObject", update.path("request").path("object").deepCopy());
    assertThat(AdmissionValidator.review(update).path("response").path("allowed").asBoolean()).isTrue();
  }

  @Test
  void certificatesLiveInASecretTheConfigurationTrustsAndAreRenewedBeforeExpiry() throws Exception {
    try (MockApi api = new MockApi()) {
      var options = new InstallManifests.Options("flinkctl-system", List.of(), true, "img");
      InstallManifests.objects(options).stream().filter(o -> o instanceof ValidatingWebhookConfiguration)
          .forEach(o -> api.client.resource(o).create());
      WebhookCertificates.Tls first = new WebhookCertificates(api.client, "flinkctl-system", at(NOW)).ensure();
      assertThat(caBundle(api)).isEqualTo(first.bundle());
      assertThat(CertificateAuthority.certificate(first.serving().certificate()).getSubjectAlternativeNames().toString())
          .contains("flinkctl-operator-webhook.flinkctl-system.svc");

      long writes = api.dispatcher.writes.get();
      WebhookCertificates.Tls again = new WebhookCertificates(api.client, "flinkctl-system", at(NOW.plus(Duration.ofDays(10)))).ensure();
      assertThat(again.serving()).isEqualTo(first.serving());
      assertThat(api.dispatcher.writes.get()).isEqualTo(writes);

      WebhookCertificates.Tls renewed = new WebhookCertificates(api.client, "flinkctl-system",
          at(NOW.plus(Duration.ofDays(340)))).ensure();
      assertThat(renewed.serving().certificate()).isNotEqualTo(first.serving().certificate());
      assertThat(renewed.ca()).isEqualTo(first.ca());
      assertThat(caBundle(api)).isEqualTo(renewed.bundle());
    }
  }

  private static String caBundle(MockApi api) {
    String b64 = api.client.admissionRegistration().v1().validatingWebhookConfigurations()
        .withName(InstallManifests.NAME).get().getWebhooks().get(0).getClientConfig().getCaBundle();
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static ObjectNode review(String uid, String yaml) {
    Object cluster = Seeds.parse(yaml, "test");
    ObjectNode object = JSON.valueToTree(new KubernetesSerialization().convertValue(cluster, JsonNode.class));
    ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
    review.putObject("request").put("uid", uid).put("operation", "CREATE").put("name", "production-flink")
        .put("namespace", "default").set("object", object);
    return review;
  }

  private static JsonNode post(HttpClient https, URI uri, JsonNode body) throws Exception {
    HttpResponse<String> response = https.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static SSLContext trusting(String caPem) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", CertificateAuthority.certificate(caPem));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
