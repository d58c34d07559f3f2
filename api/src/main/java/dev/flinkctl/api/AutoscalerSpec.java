package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * The built-in autoscaler: sets spec.taskManager.replicas from Flink's own metrics, as HPA or
 * KEDA would through the scale subresource, so every capacity change takes the same path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutoscalerSpec(
    @JsonPropertyDescription("Turns the autoscaler on (default true when this section is present).")
    Boolean enabled,
    @Min(1)
    @JsonPropertyDescription("Fewest TaskManagers (default 1).")
    Integer minReplicas,
    @Min(1)
    @JsonPropertyDescription("Most TaskManagers (required).")
    Integer maxReplicas,
    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Busy time, in percent of each second, that the busiest operator should run at (default 70).")
    Integer targetUtilization,
    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Backpressured time, in percent, above which an operator counts as held back by its consumers (default 50).")
    Integer backpressureThreshold,
    @Min(1)
    @JsonPropertyDescription("Kafka lag (records) one parallel source instance may carry, as KEDA's lagThreshold: desired parallelism = lag / lagThreshold, capped at the partition count. Unset: lag is not a signal.")
    Long lagThreshold,
    @JsonPropertyDescription("Read the lag from Kafka itself (committed offsets of the group against end offsets), as KEDA does. Unset: the sources' pendingRecords metric.")
    KafkaLagSpec kafka,
    @JsonPropertyDescription("How often metrics are sampled (default 10s).")
    String metricsInterval,
    @JsonPropertyDescription("How long a higher recommendation must hold before scaling up (default 30s).")
    String scaleUpStabilization,
    @JsonPropertyDescription("How long a lower recommendation must hold before scaling down (default 5m).")
    String scaleDownStabilization,
    @JsonPropertyDescription("No decision for this long after a rescale ends, while the job catches up (default 1m).")
    String cooldown) {}
