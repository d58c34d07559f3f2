package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskManagerSpec(
    @SpecReplicas
    @Min(0)
    @Default("1")
    @JsonPropertyDescription("Number of TaskManagers (default 1). The target of the scale subresource (kubectl scale, HPA, KEDA).")
    Integer replicas,
    @JsonPropertyDescription("Memory and CPU of each TaskManager.")
    Resources resources,
    @Min(1)
    @JsonPropertyDescription("Task slots per TaskManager. Default: the CPU count, so that each slot has a core.")
    Integer slots,
    @PreserveUnknownFields
    @JsonPropertyDescription("A pod template (metadata and spec) merged into the generated TaskManager pod, e.g. spec.hostNetwork.")
    JsonNode template) {

  public TaskManagerSpec withReplicas(Integer n) {
    return new TaskManagerSpec(n, resources, slots, template);
  }
}
