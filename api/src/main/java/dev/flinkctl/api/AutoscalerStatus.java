package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The autoscaler's latest decision to change capacity, with the signals it saw. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutoscalerStatus(
    @JsonPropertyDescription("When the decision was made (RFC 3339).")
    String time,
    @JsonPropertyDescription("TaskManagers before.")
    Integer fromReplicas,
    @JsonPropertyDescription("TaskManagers decided on.")
    Integer toReplicas,
    @JsonPropertyDescription("Why, in words, with the numbers.")
    String reason,
    @JsonPropertyDescription("Busy time of the busiest operator, percent.")
    Integer busyPercent,
    @JsonPropertyDescription("Backpressured time of the most held-back operator, percent.")
    Integer backpressurePercent,
    @JsonPropertyDescription("Kafka records not yet read: the consumer group's lag when spec.autoscaler.kafka"
        + " is set, else pendingRecords summed over the sources.")
    Long lag,
    @JsonPropertyDescription("Kafka partitions the sources read.")
    Integer partitions) {}
