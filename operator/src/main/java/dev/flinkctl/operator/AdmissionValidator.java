package dev.flinkctl.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.InvalidSpecException;
import dev.flinkctl.model.Severity;
import dev.flinkctl.model.kubernetes.KubernetesModel;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers an AdmissionReview for a FlinkCluster with the model's own rules: what render or the
 * operator would refuse is refused at kubectl apply time, with the same one-line messages, and
 * warnings come back as admission warnings, which kubectl prints.
 */
final class AdmissionValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  /** The API server drops warnings longer than this. */
  private static final int WARNING_CHARS = 256;

  private AdmissionValidator() {}

  static ObjectNode review(JsonNode admissionReview) {
    JsonNode request = admissionReview.path("request");
    ObjectNode response = JSON.createObjectNode();
    response.put("uid", request.path("uid").asText());
    Verdict verdict = verdict(request);
    response.put("allowed", verdict.errors().isEmpty());
    if (!verdict.errors().isEmpty()) {
      response.putObject("status").put("code", 422).put("reason", "Invalid")
          .put("message", "FlinkCluster " + request.path("name").asText() + " is invalid: "
              + String.join("; ", verdict.errors()));
    }
    if (!verdict.warnings().isEmpty()) {
      ArrayNode warnings = response.putArray("warnings");
      verdict.warnings().forEach(w -> warnings.add(w.length() > WARNING_CHARS ? w.substring(0, WARNING_CHARS - 3) + "..." : w));
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("apiVersion", admissionReview.path("apiVersion").asText("admission.k8s.io/v1"));
    out.put("kind", "AdmissionReview");
    out.set("response", response);
    return out;
  }

  record Verdict(List<String> errors, List<String> warnings) {}

  static Verdict verdict(JsonNode request) {
    JsonNode object = request.path("object");
    // Deletion goes on whatever the spec says, and an update that leaves the spec alone (a finalizer,
    // a label) must not be blocked by a rule added after the object was created.
    boolean deleting = object.path("metadata").hasNonNull("deletionTimestamp");
    boolean specUnchanged = "UPDATE".equals(request.path("operation").asText())
        && object.path("spec").equals(request.path("oldObject").path("spec"));
    if (!object.isObject() || deleting || specUnchanged) {
      return new Verdict(List.of(), List.of());
    }
    FlinkCluster cluster;
    try {
      cluster = SERIALIZATION.convertValue(object, FlinkCluster.class);
    } catch (RuntimeException e) {
      return new Verdict(List.of("cannot read the object: " + e.getMessage()), List.of());
    }
    if (cluster.getMetadata().getNamespace() == null) {
      cluster.getMetadata().setNamespace(request.path("namespace").asText(null));
    }
    try {
      List<Finding> findings = KubernetesModel.render(cluster).findings();
      return new Verdict(List.of(), findings.stream().filter(f -> f.severity() == Severity.WARNING)
          .map(Finding::oneLine).toList());
    } catch (InvalidSpecException e) {
      return new Verdict(e.errors().stream().map(Finding::oneLine).collect(Collectors.toList()),
          e.findings().stream().filter(f -> f.severity() == Severity.WARNING).map(Finding::oneLine).toList());
    }
  }
}
