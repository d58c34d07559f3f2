package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;

/** Replicas of one component as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentStatus(
    @JsonPropertyDescription("Replicas that exist.")
    Integer replicas,
    @JsonPropertyDescription("Replicas that are ready.")
    Integer readyReplicas,
    @JsonPropertyDescription("ready/desired, for display.")
    String ready) {

  public static ComponentStatus of(int desired, int existing, int ready) {
    return new ComponentStatus(existing, ready, ready + "/" + desired);
  }

  /** TaskManager status: carries the label selector the scale subresource reports. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Scalable(
      @StatusReplicas
      @JsonPropertyDescription("Replicas that exist.")
      Integer replicas,
      @JsonPropertyDescription("Replicas that are ready.")
      Integer readyReplicas,
      @JsonPropertyDescription("ready/desired, for display.")
      String ready,
      @LabelSelector
      @JsonPropertyDescription("Label selector of the TaskManager pods, for the scale subresource (HPA, KEDA).")
      String selector) {

    public static Scalable of(int desired, int existing, int ready, String selector) {
      return new Scalable(existing, ready, ready + "/" + desired, selector);
    }
  }
}
