package dev.flinkctl.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kubernetes objects as text, byte-identical for identical objects. */
public final class ManifestWriter {
  private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)));
  private static final ObjectMapper JSON = configure(new ObjectMapper()).enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestWriter() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper.setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  /** A multi-document YAML stream, as kubectl apply -f reads it. */
  public static String yaml(List<? extends HasMetadata> objects) {
    StringBuilder sb = new StringBuilder();
    for (HasMetadata o : objects) {
      sb.append("---\n").append(write(YAML, o));
    }
    return sb.toString();
  }

  /** A v1 List, which kubectl also reads. */
  public static String json(List<? extends HasMetadata> objects) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", objects);
    return write(JSON, list) + "\n";
  }

  public static String yaml(Object value) {
    return write(YAML, value);
  }

  public static String json(Object value) {
    return write(JSON, value) + "\n";
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Kubernetes model objects always serialize", e);
    }
  }
}
