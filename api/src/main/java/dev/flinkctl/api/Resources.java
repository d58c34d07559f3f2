package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * Memory and CPU of one JobManager or TaskManager pod. Numbers or strings are accepted, as in
 * Kubernetes, so {@code cpu: 2} and {@code cpu: "2"} mean the same.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resources(
    @SchemaFrom(type = IntOrString.class)
    @JsonPropertyDescription("Total process memory: a Flink size (2048m, 2g: binary units) or a Kubernetes quantity (2Gi, 2048Mi).")
    String memory,
    @SchemaFrom(type = IntOrString.class)
    @JsonPropertyDescription("CPU cores: 1, 0.5 or 500m. Also the default number of task slots.")
    String cpu) {}
