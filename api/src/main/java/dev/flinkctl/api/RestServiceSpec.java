package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestServiceSpec(
    @JsonPropertyDescription("ClusterIP (default), NodePort or LoadBalancer. ClusterIP keeps the web UI and REST API off the nodes.")
    ServiceType type,
    @JsonPropertyDescription("Annotations for the REST service, e.g. for a cloud load balancer.")
    Map<String, String> annotations) {

  public RestServiceSpec {
    annotations = annotations == null ? null : Map.copyOf(annotations);
  }
}
