package dev.flinkctl.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A digest of an object exactly as the operator applies it, carried on the object as an annotation.
 * When the cached copy of an object carries the digest of what would be applied now, applying it
 * again would change nothing, and on a large API server every request costs: a spec change then
 * writes only the objects it changes. A copy without the annotation, or no copy at all (deleted by
 * hand), is applied as before.
 */
final class AppliedHash {
  static final String ANNOTATION = "flink.apache.org/applied-hash";
  /** Map keys sorted, so the same object always gives the same digest whatever order its maps were built in. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

  private AppliedHash() {}

  /** Puts the digest of {@code o} (all of it but this annotation) on {@code o}. */
  static void stamp(HasMetadata o) {
    Map<String, String> annotations = o.getMetadata().getAnnotations() == null ? new TreeMap<>()
        : new TreeMap<>(o.getMetadata().getAnnotations());
    annotations.remove(ANNOTATION);
    o.getMetadata().setAnnotations(annotations);
    String digest = digest(o);
    annotations.put(ANNOTATION, digest);
  }

  /** True when {@code cached} was applied from exactly what {@code stamped} now says. */
  static boolean unchanged(HasMetadata stamped, Optional<? extends HasMetadata> cached) {
    String wanted = of(stamped);
    return wanted != null && cached.map(AppliedHash::of).filter(wanted::equals).isPresent();
  }

  static String of(HasMetadata o) {
    Map<String, String> annotations = o.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(ANNOTATION);
  }

  private static String digest(HasMetadata o) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(o));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + ClusterObjects.key(o), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
