package dev.flinkctl.model.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Merges a user's pod template into the generated one. The user's values win, so any generated
 * setting can be overridden; lists of named things (containers, volumes, ports, env) merge by
 * name, so a template that names the {@code jobmanager} container changes it and any other
 * container is added as a sidecar. Other lists are replaced.
 */
final class PodTemplateMerge {
  private PodTemplateMerge() {}

  static JsonNode merge(JsonNode base, JsonNode overlay) {
    if (overlay == null || overlay.isNull() || overlay.isMissingNode()) {
      return base;
    }
    if (base instanceof ObjectNode baseObject && overlay.isObject()) {
      ObjectNode result = baseObject.deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
      }
      return result;
    }
    if (base instanceof ArrayNode baseArray && overlay instanceof ArrayNode overlayArray
        && allNamed(baseArray) && allNamed(overlayArray)) {
      return mergeByName(baseArray, overlayArray);
    }
    return overlay.deepCopy();
  }

  private static ArrayNode mergeByName(ArrayNode base, ArrayNode overlay) {
    ArrayNode result = base.deepCopy();
    for (JsonNode item : overlay) {
      int at = indexOf(result, item.get("name").asText());
      if (at < 0) {
        result.add(item.deepCopy());
      } else {
        result.set(at, merge(result.get(at), item));
      }
    }
    return result;
  }

  private static int indexOf(ArrayNode array, String name) {
    for (int i = 0; i < array.size(); i++) {
      if (name.equals(array.get(i).path("name").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean allNamed(ArrayNode array) {
    for (JsonNode item : array) {
      if (!item.isObject() || !item.path("name").isTextual()) {
        return false;
      }
    }
    return true;
  }
}
