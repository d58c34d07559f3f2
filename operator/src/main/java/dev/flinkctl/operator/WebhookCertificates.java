package dev.flinkctl.operator;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's TLS without cert-manager: a CA and a serving certificate kept in a Secret (so every
 * replica serves the same one), renewed a month before they expire, and the CA put into the webhook
 * configuration's caBundle. A renewed CA is bundled with the previous one while it is valid, so the
 * API server keeps trusting replicas that still serve the old certificate.
 */
final class WebhookCertificates {
  static final Duration RENEW_BEFORE = Duration.ofDays(30);
  private static final Logger LOG = LoggerFactory.getLogger(WebhookCertificates.class);

  private final KubernetesClient client;
  private final String namespace;
  private final Clock clock;

  /** @param bundle the CA certificates the API server should trust, PEM */
  record Tls(CertificateAuthority.Issued ca, CertificateAuthority.Issued serving, String bundle) {}

  WebhookCertificates(KubernetesClient client, String namespace, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.clock = clock;
  }

  Tls ensure() {
    Secret secret = client.secrets().inNamespace(namespace).withName(InstallManifests.WEBHOOK_SECRET).get();
    Tls tls = secret == null ? null : read(secret);
    if (tls == null || expiresSoon(tls.serving().certificate())) {
      Tls renewed = renew(tls);
      try {
        write(secret, renewed);
        tls = renewed;
        LOG.info("webhook certificate {} in {}/{}", secret == null ? "created" : "renewed", namespace,
            InstallManifests.WEBHOOK_SECRET);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        // Another replica wrote it first: serve what it wrote.
        tls = read(client.secrets().inNamespace(namespace).withName(InstallManifests.WEBHOOK_SECRET).get());
      }
    }
    trust(tls.bundle());
    return tls;
  }

  List<String> dnsNames() {
    String s = InstallManifests.WEBHOOK_SERVICE;
    return List.of(s + "." + namespace + ".svc", s, s + "." + namespace, s + "." + namespace + ".svc.cluster.local");
  }

  private Tls renew(Tls old) {
    Instant now = clock.instant();
    CertificateAuthority.Issued ca = old != null && !expiresSoon(old.ca().certificate())
        ? old.ca() : CertificateAuthority.newCa("flinkctl-webhook-ca", now);
    String bundle = ca.certificate();
    if (old != null && !old.ca().equals(ca) && !expired(old.ca().certificate())) {
      bundle = bundle + old.ca().certificate();
    }
    return new Tls(ca, CertificateAuthority.serving(ca, dnsNames(), now), bundle);
  }

  /** Patches caBundle into every webhook of the configuration install created, when it differs. */
  private void trust(String bundlePem) {
    String bundle = Base64.getEncoder().encodeToString(bundlePem.getBytes(StandardCharsets.UTF_8));
    var config = client.admissionRegistration().v1().validatingWebhookConfigurations()
        .withName(InstallManifests.NAME);
    ValidatingWebhookConfiguration current = config.get();
    if (current == null) {
      LOG.warn("no ValidatingWebhookConfiguration {}: install with --webhook to validate at apply time",
          InstallManifests.NAME);
      return;
    }
    List<ValidatingWebhook> hooks = current.getWebhooks();
    StringBuilder patch = new StringBuilder("[");
    for (int i = 0; i < hooks.size(); i++) {
      if (!bundle.equals(hooks.get(i).getClientConfig().getCaBundle())) {
        patch.append(patch.length() > 1 ? "," : "").append("{\"op\":\"add\",\"path\":\"/webhooks/").append(i)
            .append("/clientConfig/caBundle\",\"value\":\"").append(bundle).append("\"}");
      }
    }
    if (patch.length() > 1) {
      config.patch(PatchContext.of(PatchType.JSON), patch.append(']').toString());
    }
  }

  private void write(Secret existing, Tls tls) {
    Secret secret = new SecretBuilder().withNewMetadata().withName(InstallManifests.WEBHOOK_SECRET)
        .withNamespace(namespace).withLabels(InstallManifests.meta("x", null).getLabels())
        .withResourceVersion(existing == null ? null : existing.getMetadata().getResourceVersion()).endMetadata()
        .withType("kubernetes.io/tls")
        .withData(Map.of("ca.crt", b64(tls.bundle()), "ca.key", b64(tls.ca().key()),
            "tls.crt", b64(tls.serving().certificate()), "tls.key", b64(tls.serving().key())))
        .build();
    if (existing == null) {
      client.resource(secret).create();
    } else {
      client.resource(secret).update();
    }
  }

  private static Tls read(Secret s) {
    Map<String, String> d = s.getData();
    if (d == null || !d.keySet().containsAll(List.of("ca.crt", "ca.key", "tls.crt", "tls.key"))) {
      return null;
    }
    String bundle = unb64(d.get("ca.crt"));
    String firstCa = bundle.substring(0, bundle.indexOf("-----END CERTIFICATE-----") + 26);
    return new Tls(new CertificateAuthority.Issued(firstCa, unb64(d.get("ca.key"))),
        new CertificateAuthority.Issued(unb64(d.get("tls.crt")), unb64(d.get("tls.key"))), bundle);
  }

  private boolean expiresSoon(String pem) {
    return CertificateAuthority.certificate(pem).getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE));
  }

  private boolean expired(String pem) {
    return CertificateAuthority.certificate(pem).getNotAfter().toInstant().isBefore(clock.instant());
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String unb64(String s) {
    return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
  }
}
