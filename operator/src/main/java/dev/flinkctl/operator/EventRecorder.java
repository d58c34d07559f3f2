package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events on a FlinkCluster, deduplicated: the same event for the same object is
 * written once per hour (the API server's default event lifetime), so a loop that retries the
 * same thing does not flood the API. The event name is derived from its content, so an operator
 * that restarted bumps the existing event's count instead of adding a copy. Best effort: a failed
 * event never fails a reconcile.
 */
final class EventRecorder {
  static final String COMPONENT = "flinkctl-operator";
  static final Duration REPEAT_AFTER = Duration.ofHours(1);
  private static final int REMEMBERED = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;
  private final Map<String, Instant> written = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
      return size() > REMEMBERED;
    }
  };

  EventRecorder(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  void record(FlinkCluster on, DecisionEvents.Note note) {
    Instant now = clock.instant();
    String name = on.getMetadata().getName() + "." + digest(on.getMetadata().getUid() + "|" + note);
    synchronized (written) {
      Instant last = written.get(name);
      if (last != null && last.plus(REPEAT_AFTER).isAfter(now)) {
        return;
      }
      written.put(name, now);
    }
    try {
      client.v1().events().resource(event(on, note, name, now)).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        bump(on.getMetadata().getNamespace(), name, now);
      } else {
        LOG.warn("{}/{}: event {} not written: {}", on.getMetadata().getNamespace(), on.getMetadata().getName(),
            note.reason(), e.getMessage());
      }
    }
  }

  private void bump(String namespace, String name, Instant now) {
    try {
      Event existing = client.v1().events().inNamespace(namespace).withName(name).get();
      int count = existing == null || existing.getCount() == null ? 1 : existing.getCount();
      client.v1().events().inNamespace(namespace).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"count\":" + (count + 1) + ",\"lastTimestamp\":\"" + now + "\"}");
    } catch (KubernetesClientException e) {
      LOG.warn("{}/{}: event count not updated: {}", namespace, name, e.getMessage());
    }
  }

  private Event event(FlinkCluster on, DecisionEvents.Note note, String name, Instant now) {
    String message = note.message().length() > 1024 ? note.message().substring(0, 1021) + "..." : note.message();
    return new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(on.getMetadata().getNamespace()).endMetadata()
        .withNewInvolvedObject().withApiVersion(FlinkCluster.API_VERSION).withKind(FlinkCluster.KIND)
        .withName(on.getMetadata().getName()).withNamespace(on.getMetadata().getNamespace())
        .withUid(on.getMetadata().getUid()).endInvolvedObject()
        .withType(note.type()).withReason(note.reason()).withMessage(message)
        .withCount(1).withFirstTimestamp(now.toString()).withLastTimestamp(now.toString())
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT).withReportingInstance(instance)
        .build();
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
