package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Where to read Kafka lag as KEDA's Kafka scaler does: the consumer group's committed offsets
 * against the topic's end offsets. The source's pendingRecords metric counts only what the
 * consumer has not fetched yet, which a prefetching consumer drives to 0 while a backlog waits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KafkaLagSpec(
    @Required
    @JsonPropertyDescription("Kafka bootstrap servers, e.g. kafka:9092.")
    String bootstrapServers,
    @Required
    @JsonPropertyDescription("The topic the job reads.")
    String topic,
    @Required
    @JsonPropertyDescription("The consumer group the job commits offsets under (the Kafka source's group.id).")
    String consumerGroup) {}
