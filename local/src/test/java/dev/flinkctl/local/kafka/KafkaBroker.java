package dev.flinkctl.local.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real Apache Kafka broker for tests, in its own JVM (see {@link BrokerProcess}), with the few client
 * operations the Kafka tests need. Records are {@code key,seq} with the Kafka key set to {@code key}, so a key
 * stays in one partition and its seqs 1, 2, 3... are read in order; {@link #produced} keeps the per-key totals
 * that {@code VerifyKafkaOutput} checks the job's output against.
 */
public final class KafkaBroker implements AutoCloseable {
  static final Duration READY = Duration.ofSeconds(60);
  static final Duration CALL = Duration.ofSeconds(30);

  private final BrokerProcess process;
  private final Admin admin;
  private final Map<String, Map<String, Long>> produced = new HashMap<>();
  // One for the broker's life: an idempotent producer's first send waits for a producer id.
  private KafkaProducer<String, String> producer;

  private KafkaBroker(BrokerProcess process, Admin admin) {
    this.process = process;
    this.admin = admin;
  }

  /** Starts a broker under {@code dir} and returns once it answers; its ports were free a moment earlier. */
  public static KafkaBroker start(Path dir) {
    BrokerProcess process;
    try {
      process = BrokerProcess.start(dir);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start Kafka under " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + process.port);
    Admin admin = Admin.create(props);
    KafkaBroker broker = new KafkaBroker(process, admin);
    try {
      broker.awaitReady();
      return broker;
    } catch (RuntimeException | Error e) {
      broker.close();
      throw e;
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(READY);
    while (Instant.now().isBefore(deadline)) {
      if (!process.alive()) {
        throw new IllegalStateException("Kafka exited while starting; " + process.log + ":\n"
            + BrokerProcess.tail(process.log));
      }
      try {
        // A KRaft broker lists itself only once the controller has unfenced it, i.e. once it can serve.
        if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(200);
    }
    throw new IllegalStateException("Kafka not ready after " + READY + "; " + process.log + ":\n"
        + BrokerProcess.tail(process.log));
  }

  public String bootstrap() {
    return "127.0.0.1:" + process.port;
  }

  /** The broker's stdout and stderr, for a failing test's message. */
  public Path log() {
    return process.log;
  }

  public void createTopic(String name, int partitions) {
    get(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all());
  }

  public int partitions(String topic) {
    return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
  }

  /**
   * Sends {@code records} records spread round-robin over keys {@code 0..keys-1}, each key's seq continuing
   * from earlier calls, and waits until all are acknowledged by the broker. Idempotent, so a retried send
   * cannot duplicate a record or reorder a key's records. Synchronized, so a test may produce from a thread of
   * its own while it reads {@link #produced} on another.
   *
   * @return records produced so far per key on this topic, over all calls
   */
  public synchronized Map<String, Long> produce(String topic, int records, int keys) {
    Map<String, Long> totals = produced.computeIfAbsent(topic, t -> new TreeMap<>());
    if (producer == null) {
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
      producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
    List<Future<RecordMetadata>> sends = new ArrayList<>(records);
    for (int i = 0; i < records; i++) {
      String key = String.valueOf(i % keys);
      long seq = totals.merge(key, 1L, Long::sum);
      sends.add(producer.send(new ProducerRecord<>(topic, key, key + "," + seq)));
    }
    producer.flush();
    for (Future<RecordMetadata> send : sends) {
      get(send);
    }
    return produced(topic);
  }

  /** Records produced so far per key on {@code topic}. */
  public synchronized Map<String, Long> produced(String topic) {
    return Map.copyOf(produced.getOrDefault(topic, Map.of()));
  }

  /**
   * End offsets minus the group's committed offsets, summed over the topic's partitions; a partition the
   * group never committed counts from its earliest offset.
   */
  public long lag(String group, String topic) {
    Map<TopicPartition, OffsetAndMetadata> committed =
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < partitions(topic); p++) {
      partitions.add(new TopicPartition(topic, p));
    }
    Map<TopicPartition, ListOffsetsResultInfo> end = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, ListOffsetsResultInfo> start = offsets(partitions, OffsetSpec.earliest());
    long lag = 0;
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata done = committed.get(tp);
      lag += end.get(tp).offset() - (done != null ? done.offset() : start.get(tp).offset());
    }
    return lag;
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
    return get(admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec))).all());
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
    }
    admin.close(Duration.ofSeconds(2));
    process.close();
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get(CALL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Kafka call failed: " + e.getMessage(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
