package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobManagerSpec(
    @Min(1)
    @JsonPropertyDescription("Number of JobManagers (default 1). More than one turns on Kubernetes high availability with standby JobManagers.")
    Integer replicas,
    @JsonPropertyDescription("Memory and CPU of each JobManager.")
    Resources resources,
    @PreserveUnknownFields
    @JsonPropertyDescription("A pod template (metadata and spec) merged into the generated JobManager pod.")
    JsonNode template,
    @JsonPropertyDescription("The REST and web UI service.")
    RestServiceSpec service) {}
