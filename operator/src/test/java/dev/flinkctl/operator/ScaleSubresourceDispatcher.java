package dev.flinkctl.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresourceScale;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale subresource of a custom resource, as the API server derives it from the CRD's
 * {@code subresources.scale} paths. The fabric8 mock server's CRUD mode has none: it takes
 * {@code .../NAME/scale} for the object itself. KEDA and the HPA GET the Scale and PUT it back with
 * new replicas; {@code kubectl scale} sends a merge patch. Writes go through the CRUD dispatcher as an update
 * of the object, so resourceVersion preconditions, generation and watch events work as for any other
 * write. Everything else goes to the dispatcher this one wraps.
 */
final class ScaleSubresourceDispatcher extends Dispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Dispatcher next;
  private final KubernetesCrudDispatcher store;
  private final Pattern scalePath;
  private final String specReplicas;
  private final String statusReplicas;
  private final String selector;

  /** @param store the CRUD dispatcher holding the objects; usually {@code next} itself or what it wraps */
  ScaleSubresourceDispatcher(Dispatcher next, KubernetesCrudDispatcher store, CustomResourceDefinition crd) {
    this.next = next;
    this.store = store;
    var spec = crd.getSpec();
    var version = spec.getVersions().stream().filter(v -> v.getSubresources() != null
        && v.getSubresources().getScale() != null).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(crd.getMetadata().getName() + " has no scale subresource"));
    CustomResourceSubresourceScale scale = version.getSubresources().getScale();
    scalePath = Pattern.compile("(/apis/" + Pattern.quote(spec.getGroup()) + "/" + Pattern.quote(version.getName())
        + "/namespaces/[^/]+/" + Pattern.quote(spec.getNames().getPlural()) + "/[^/]+)/scale");
    specReplicas = pointer(scale.getSpecReplicasPath());
    statusReplicas = pointer(scale.getStatusReplicasPath());
    selector = scale.getLabelSelectorPath() == null ? null : pointer(scale.getLabelSelectorPath());
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Matcher m = scalePath.matcher(request.getPath().split("\\?", 2)[0]);
    if (!m.matches()) {
      return next.dispatch(request);
    }
    String object = m.group(1);
    return switch (request.getMethod()) {
      case "GET" -> {
        MockResponse current = store.handleGet(object);
        yield current.code() != 200 ? current : json(200, scaleOf(objectIn(current)));
      }
      case "PUT", "PATCH" -> update(object, request);
      default -> status(405, "MethodNotAllowed", request.getMethod() + " is not supported on the scale subresource");
    };
  }

  /**
   * Copies the new Scale's spec.replicas to the object. A resourceVersion in the request is a
   * precondition, as in the HPA's GET-then-PUT; without one the API server retries a write that
   * raced with another (the operator's status updates, here) until it lands, and so does this.
   */
  private MockResponse update(String object, RecordedRequest request) {
    JsonNode body = ServerSideApplyDispatcher.read(request.getUtf8Body());
    String precondition = body.path("metadata").path("resourceVersion").asText("");
    MockResponse result;
    int attempt = 0;
    do {
      MockResponse current = store.handleGet(object);
      if (current.code() != 200) {
        return current;
      }
      ObjectNode stored = objectIn(current);
      JsonNode scale = request.getMethod().equals("PUT") ? body
          : patched(scaleOf(stored), body, String.valueOf(request.getHeader("Content-Type")));
      if (scale == null) {
        return status(415, "UnsupportedMediaType", "this stand-in takes merge patches of the Scale, not "
            + request.getHeader("Content-Type"));
      }
      result = write(object, stored, scale, precondition);
    } while (result.code() == 409 && precondition.isEmpty() && ++attempt < 10);
    return result;
  }

  /**
   * kubectl scale sends a merge patch; a strategic merge patch of a Scale, which holds no lists, is
   * the same. Null for JSON patch, which nothing that scales sends and this does not implement.
   */
  private static JsonNode patched(JsonNode scale, JsonNode patch, String contentType) {
    return contentType.contains("merge-patch") ? mergePatch(scale, patch) : null;
  }

  private MockResponse write(String object, ObjectNode stored, JsonNode scale, String precondition) {
    long replicas = scale.path("spec").path("replicas").asLong(0);
    if (replicas < 0) {
      return status(422, "Invalid", "spec.replicas: Invalid value: " + replicas + ": must be greater than or equal to 0");
    }
    if (!precondition.isEmpty()) {
      ((ObjectNode) stored.get("metadata")).put("resourceVersion", precondition);
    }
    set(stored, specReplicas, replicas);
    MockResponse updated = store.handleUpdate(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, object,
        Headers.builder().add("Content-Type", "application/json").build(), new Buffer(bytes(stored))));
    return updated.code() != 200 ? updated : json(200, scaleOf(objectIn(updated)));
  }

  private static ObjectNode objectIn(MockResponse response) {
    return (ObjectNode) ServerSideApplyDispatcher.read(response.getBody().readUtf8());
  }

  /** What the API server reports: a missing spec or status replicas reads as 0. */
  private ObjectNode scaleOf(ObjectNode object) {
    JsonNode meta = object.path("metadata");
    ObjectNode scale = JSON.createObjectNode().put("apiVersion", "autoscaling/v1").put("kind", "Scale");
    ObjectNode m = scale.putObject("metadata");
    for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (meta.hasNonNull(field)) {
        m.set(field, meta.get(field));
      }
    }
    scale.putObject("spec").put("replicas", object.at(specReplicas).asLong(0));
    ObjectNode status = scale.putObject("status").put("replicas", object.at(statusReplicas).asLong(0));
    if (selector != null && object.at(selector).isTextual()) {
      status.put("selector", object.at(selector).asText());
    }
    return scale;
  }

  /** RFC 7386: objects merge, null removes, anything else replaces. */
  private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  /** Sets a value at a JSON pointer, creating the objects on the way, as the API server does for specReplicasPath. */
  private static void set(ObjectNode root, String pointer, long value) {
    String[] parts = pointer.substring(1).split("/");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.get(parts[i]) instanceof ObjectNode child ? child : node.putObject(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }

  /** ".spec.taskManager.replicas" → "/spec/taskManager/replicas". */
  private static String pointer(String jsonPath) {
    return jsonPath.replace('.', '/');
  }

  private static MockResponse status(int code, String reason, String message) {
    ObjectNode s = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Status").put("status", "Failure")
        .put("reason", reason).put("message", message).put("code", code);
    return json(code, s);
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(bytes(body));
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void shutdown() {
    next.shutdown();
  }
}
