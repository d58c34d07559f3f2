package dev.flinkctl.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test broker itself: a real KRaft broker whose records, partitioning and lag are what the job tests assume. */
class KafkaBrokerTest {

  @Test
  void producesKeyedSequencesAndMeasuresLagOfACommittingGroup(@TempDir Path dir) {
    try (KafkaBroker broker = KafkaBroker.start(dir)) {
      broker.createTopic("t", 3);
      assertThat(broker.partitions("t")).isEqualTo(3);

      assertThat(broker.produce("t", 10, 4)).isEqualTo(Map.of("0", 3L, "1", 3L, "2", 2L, "3", 2L));
      assertThat(broker.produce("t", 2, 4)).isEqualTo(Map.of("0", 4L, "1", 4L, "2", 2L, "3", 2L));
      assertThat(broker.lag("g", "t")).as("a group that never committed lags by everything").isEqualTo(12);

      Map<String, Set<Integer>> partitionsOfKey = new HashMap<>();
      Map<String, Long> lastSeq = new HashMap<>();
      try (KafkaConsumer<String, String> consumer = consumer(broker, "g")) {
        consumer.subscribe(List.of("t"));
        int read = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (read < 12 && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
            read++;
            partitionsOfKey.computeIfAbsent(r.key(), k -> new HashSet<>()).add(r.partition());
            long seq = Long.parseLong(r.value().substring(r.value().indexOf(',') + 1));
            assertThat(r.value()).startsWith(r.key() + ",");
            assertThat(seq).as("seqs of a key arrive in order").isEqualTo(lastSeq.getOrDefault(r.key(), 0L) + 1);
            lastSeq.put(r.key(), seq);
          }
        }
        assertThat(read).isEqualTo(12);
        consumer.commitSync();
      }
      assertThat(partitionsOfKey.values()).allSatisfy(p -> assertThat(p).hasSize(1));
      assertThat(broker.lag("g", "t")).isZero();

      broker.produce("t", 5, 4);
      assertThat(broker.lag("g", "t")).isEqualTo(5);
    }
  }

  private static KafkaConsumer<String, String> consumer(KafkaBroker broker, String group) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
