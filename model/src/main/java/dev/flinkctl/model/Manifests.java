package dev.flinkctl.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flinkctl.api.FlinkCluster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads FlinkClusters from YAML or JSON text, strictly: a misspelt field is an error that names
 * it, not a silently ignored key. Documents of other API groups (a KEDA ScaledObject beside the
 * cluster, say) are skipped and reported.
 */
public final class Manifests {
  private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** @param skipped one line per document that is not for us, e.g. "keda.sh/v1alpha1 ScaledObject x" */
  public record Parsed(List<FlinkCluster> clusters, List<String> skipped) {}

  private Manifests() {}

  public static Parsed parse(String text, String source) {
    List<FlinkCluster> clusters = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int index = 0;
    try (MappingIterator<JsonNode> docs = STRICT.readerFor(JsonNode.class).readValues(text)) {
      while (docs.hasNextValue()) {
        index++;
        JsonNode doc = docs.nextValue();
        if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty() && doc.isObject()) {
          continue;
        }
        String where = source + " document " + index;
        if (!doc.isObject()) {
          throw new ManifestException(where + ": not a Kubernetes object (expected apiVersion, kind, metadata, spec)");
        }
        String apiVersion = doc.path("apiVersion").asText("");
        String kind = doc.path("kind").asText("");
        if (kind.isEmpty()) {
          throw new ManifestException(where + ": kind is missing; a FlinkCluster starts with apiVersion: "
              + FlinkCluster.API_VERSION + " and kind: FlinkCluster");
        }
        if (!apiVersion.startsWith(FlinkCluster.GROUP + "/")) {
          skipped.add(apiVersion + " " + kind + " " + doc.path("metadata").path("name").asText(""));
          continue;
        }
        if (!kind.equals(FlinkCluster.KIND)) {
          throw new ManifestException(where + ": kind '" + kind + "' is unknown in " + FlinkCluster.GROUP
              + "; the kind is FlinkCluster");
        }
        if (!apiVersion.equals(FlinkCluster.API_VERSION)) {
          throw new ManifestException(where + ": apiVersion '" + apiVersion + "' is unknown; use "
              + FlinkCluster.API_VERSION);
        }
        clusters.add(toCluster(doc, where));
      }
    } catch (JsonProcessingException e) {
      throw new ManifestException(source + ": not valid YAML or JSON: " + firstLine(e.getOriginalMessage())
          + location(e));
    } catch (IOException e) {
      throw new ManifestException(source + ": cannot be read: " + e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof ManifestException) {
        throw e;
      }
      // Jackson wraps parse errors met while iterating in a RuntimeJsonMappingException.
      throw new ManifestException(source + ": not valid YAML or JSON: " + firstLine(e.getMessage()));
    }
    return new Parsed(List.copyOf(clusters), List.copyOf(skipped));
  }

  private static FlinkCluster toCluster(JsonNode doc, String where) {
    requireStrings(doc.path("spec").path("flinkConfiguration"), "spec.flinkConfiguration", where);
    requireStrings(doc.path("spec").path("logConfiguration"), "spec.logConfiguration", where);
    try {
      return STRICT.treeToValue(doc, FlinkCluster.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ManifestException(where + ": unknown field " + path(e) + "; known fields there: "
          + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
    } catch (InvalidFormatException e) {
      throw new ManifestException(where + ": " + path(e) + " cannot be '" + e.getValue() + "'"
          + (e.getTargetType() != null && e.getTargetType().isEnum()
              ? "; use one of " + enumNames(e.getTargetType()) : ""));
    } catch (JsonMappingException e) {
      throw new ManifestException(where + ": " + path(e) + ": " + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new ManifestException(where + ": " + firstLine(e.getOriginalMessage()));
    }
  }

  /** The CRD types these maps as strings; the API server would refuse an unquoted 2 or true, so refuse it here too. */
  private static void requireStrings(JsonNode map, String field, String where) {
    map.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw new ManifestException(where + ": " + field + "." + e.getKey() + " must be a string: quote it, e.g. \""
            + e.getValue().asText() + "\" (Kubernetes accepts only strings here)");
      }
    });
  }

  private static String enumNames(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      try {
        var field = type.getField(((Enum<?>) constant).name());
        var json = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        names.add(json != null ? json.value() : ((Enum<?>) constant).name());
      } catch (NoSuchFieldException e) {
        names.add(constant.toString());
      }
    }
    return String.join(", ", names);
  }

  /** "spec.taskManager.replicaz" from Jackson's reference chain. */
  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "(document)" : sb.toString();
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
