package dev.flinkctl.control;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Standard conditions; the transition time moves only when the status flips, so quiet clusters write nothing. */
final class ConditionSet {
  private ConditionSet() {}

  static List<Condition> set(List<Condition> current, String type, boolean value, String reason, String message,
      Long generation, Instant now) {
    List<Condition> result = new ArrayList<>(current == null ? List.of() : current);
    String status = value ? "True" : "False";
    Condition old = result.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    String since = old != null && status.equals(old.getStatus()) ? old.getLastTransitionTime() : now.toString();
    Condition next = new ConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withMessage(message).withObservedGeneration(generation).withLastTransitionTime(since).build();
    if (old != null) {
      result.set(result.indexOf(old), next);
    } else {
      result.add(next);
    }
    return result;
  }
}
