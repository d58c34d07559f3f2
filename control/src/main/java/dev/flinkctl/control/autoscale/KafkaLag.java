package dev.flinkctl.control.autoscale;

import dev.flinkctl.api.KafkaLagSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaFuture;

/**
 * A consumer group's lag as KEDA's Kafka scaler computes it: per partition, the end offset minus
 * the committed offset (from the earliest offset when the group committed none), summed over the
 * topic. The Flink Kafka source commits on checkpoints, so this includes up to one checkpoint
 * interval of records already read.
 */
public final class KafkaLag implements AutoCloseable {
  static final Duration CALL = Duration.ofSeconds(10);

  /** What Kafka said: the lag and the topic's partition count. */
  public record Reading(long lag, int partitions) {}

  private final KafkaLagSpec spec;
  private final Admin admin;

  public KafkaLag(KafkaLagSpec spec) {
    this.spec = spec;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL.toMillis());
    this.admin = Admin.create(props);
  }

  public KafkaLagSpec spec() {
    return spec;
  }

  /** @throws IllegalStateException when Kafka does not answer in time; the caller skips the sample */
  public Reading read() {
    int count = get(admin.describeTopics(List.of(spec.topic())).allTopicNames()).get(spec.topic()).partitions().size();
    List<TopicPartition> partitions = java.util.stream.IntStream.range(0, count)
        .mapToObj(p -> new TopicPartition(spec.topic(), p)).toList();
    Map<TopicPartition, OffsetAndMetadata> committed =
        get(admin.listConsumerGroupOffsets(spec.consumerGroup()).partitionsToOffsetAndMetadata());
    Map<TopicPartition, ListOffsetsResultInfo> end = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, ListOffsetsResultInfo> start = offsets(partitions, OffsetSpec.earliest());
    long lag = 0;
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata done = committed.get(tp);
      lag += Math.max(0, end.get(tp).offset() - (done != null ? done.offset() : start.get(tp).offset()));
    }
    return new Reading(lag, count);
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec which) {
    return get(admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> which))).all());
  }

  private static <T> T get(KafkaFuture<T> future) {
    try {
      return future.get(CALL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
