package dev.flinkctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.rest.HttpFlinkRestClient;
import dev.flinkctl.control.rest.JobDetails;
import dev.flinkctl.examples.VerifyKafkaOutput;
import dev.flinkctl.local.kafka.KafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example job in Kafka mode on real processes: a real KRaft broker, an application cluster started
 * through the shared control loop, a backlog, then a rescale in place from 2 to 4 subtasks under a steady
 * stream of records; the group's offsets and the keyed counts must carry over. Every produced record must be
 * counted exactly once.
 */
class KafkaJobTest {
  static final Duration UP = Duration.ofSeconds(120);
  static final String NAME = "kafka-counting";
  static final String TOPIC = "events";
  static final String GROUP = "flink-group";

  static String spec(Path out, String bootstrap, int taskManagers) {
    return """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: %s}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: %d, slots: 2, resources: {memory: 1024m, cpu: 1}}
          flinkConfiguration:
            execution.checkpointing.interval: 1s
          job:
            jarURI: %s
            entryClass: dev.flinkctl.examples.CountingJob
            args: [--kafka-bootstrap, "%s", --topic, %s, --group, %s, --work-micros, "100", --output, %s]
        """.formatted(NAME, taskManagers, LocalClusters.JOB_JAR.toUri(), bootstrap, TOPIC, GROUP, out.toUri());
  }

  @Test
  void countsEveryRecordOnceAcrossARescale(@TempDir Path home, @TempDir Path out, @TempDir Path kafka) {
    LocalClusters.assertJarBuilt();
    try (KafkaBroker broker = KafkaBroker.start(kafka); LocalClusters local = new LocalClusters(home)) {
      broker.createTopic(TOPIC, 4);
      // A backlog before the job exists: with no committed offsets it must start at the earliest ones.
      broker.produce(TOPIC, 2000, 8);

      local.apply(spec(out, broker.bootstrap(), 1));
      FlinkClusterStatus s = local.awaitStatus(NAME, UP, st -> running(st) && st.job().lastCheckpoint() != null);
      assertThat(parallelisms(s)).containsOnly(2);
      awaitNoLag(local, broker);

      assertSourceMetrics(s, 2);

      // Records keep arriving through the rescale, so the restart from the latest checkpoint replays some:
      // the source must rewind to the checkpointed offsets and the sink drop what it had not committed.
      Producing producing = new Producing(broker);
      try {
        local.apply(spec(out, broker.bootstrap(), 2));
        s = local.awaitStatus(NAME, UP, st -> running(st) && st.rescale() != null && !st.rescale().inProgress());
        assertThat(parallelisms(s)).as("every vertex, the source too, follows the default parallelism")
            .containsOnly(4);
        LocalClusters.sleep(Duration.ofSeconds(2));
      } finally {
        producing.close();
      }
      awaitNoLag(local, broker);

      assertSourceMetrics(s, 4);

      Map<String, Long> produced = broker.produced(TOPIC);
      VerifyKafkaOutput.Report report = awaitVerified(out, produced);
      assertThat(report.ok()).as(report.toString()).isTrue();
      assertThat(report.records()).isGreaterThan(2000);
    }
  }

  /**
   * The source metrics a lag-based autoscaler reads, as {@code GET /jobs/:jid/vertices/:vid/metrics} lists
   * them for the source vertex ("Source: kafka-source"; REST ids are {@code <subtask>.<operator>.<metric>}, the
   * operator name with ':' and ' ' turned into '_'). Seen on Flink 1.20.3 with flink-connector-kafka 3.4.0-1.20:
   * <pre>
   * 0.Source__kafka-source.pendingRecords                                         records not yet read, per subtask
   * 0.Source__kafka-source.KafkaSourceReader.topic.events.partition.1.currentOffset    per partition the subtask reads
   * 0.Source__kafka-source.KafkaSourceReader.topic.events.partition.1.committedOffset  committed on checkpoint
   * 0.Source__kafka-source.KafkaSourceReader.KafkaConsumer.records-lag-max        the client's own, per subtask
   * 0.busyTimeMsPerSecond, 0.backPressuredTimeMsPerSecond, 0.idleTimeMsPerSecond  the task's, not the operator's
   * </pre>
   * and aggregated over subtasks, {@code GET .../subtasks/metrics?get=Source__kafka-source.pendingRecords&agg=sum}.
   */
  static void assertSourceMetrics(FlinkClusterStatus s, int parallelism) {
    String operator = "Source__kafka-source.";
    // The last subtask is the one that appears last after a rescale up.
    List<String> ids = awaitMetric(s, (parallelism - 1) + "." + operator + "pendingRecords");
    for (int subtask = 0; subtask < parallelism; subtask++) {
      assertThat(ids).contains(subtask + "." + operator + "pendingRecords", subtask + ".busyTimeMsPerSecond");
    }
    for (int partition = 0; partition < 4; partition++) {
      String prefix = operator + "KafkaSourceReader.topic." + TOPIC + ".partition." + partition + ".";
      assertThat(ids).as("partition %d is read by some subtask", partition)
          .anySatisfy(id -> assertThat(id).endsWith(prefix + "currentOffset"))
          .anySatisfy(id -> assertThat(id).endsWith(prefix + "committedOffset"));
    }
    JsonNode sum = get(vertexUri(s, "kafka-source") + "/subtasks/metrics?get=" + operator + "pendingRecords&agg=sum");
    assertThat(sum.get(0).get("id").asText()).isEqualTo(operator + "pendingRecords");
    assertThat(sum.get(0).get("sum").asDouble()).isGreaterThanOrEqualTo(0);
  }

  /** Flink's REST fetches metrics from the TaskManagers in the background: the first answers may lack them. */
  static List<String> awaitMetric(FlinkClusterStatus s, String id) {
    Instant deadline = Instant.now().plusSeconds(30);
    List<String> ids = metricIds(s);
    while (!ids.contains(id) && Instant.now().isBefore(deadline)) {
      LocalClusters.sleep(Duration.ofMillis(500));
      ids = metricIds(s);
    }
    assertThat(ids).contains(id);
    return ids;
  }

  /** Produces 50 records every 100 ms on a thread of its own until closed. */
  static final class Producing implements AutoCloseable {
    private final Thread thread;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    Producing(KafkaBroker broker) {
      thread = new Thread(() -> {
        try {
          while (!stop.get()) {
            broker.produce(TOPIC, 50, 8);
            LocalClusters.sleep(Duration.ofMillis(100));
          }
        } catch (RuntimeException e) {
          failure.set(e);
        }
      }, "test-producer");
      thread.start();
    }

    @Override
    public void close() {
      stop.set(true);
      try {
        thread.join(Duration.ofSeconds(60).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failure.get() != null) {
        throw failure.get();
      }
    }
  }

  static boolean running(FlinkClusterStatus s) {
    return s.phase() == Phase.Running && s.job() != null && "RUNNING".equals(s.job().state());
  }

  /** Lag 0 means a completed checkpoint covers every record: the source commits offsets only then. */
  static void awaitNoLag(LocalClusters local, KafkaBroker broker) {
    local.awaitStatus(NAME, UP, st -> broker.lag(GROUP, TOPIC) == 0);
  }

  /** The sink commits its files on the same checkpoint's completion, possibly a moment after the offsets. */
  static VerifyKafkaOutput.Report awaitVerified(Path out, Map<String, Long> produced) {
    Instant deadline = Instant.now().plusSeconds(30);
    VerifyKafkaOutput.Report report = VerifyKafkaOutput.verify(out, produced);
    while (!report.ok() && Instant.now().isBefore(deadline)) {
      LocalClusters.sleep(Duration.ofMillis(500));
      report = VerifyKafkaOutput.verify(out, produced);
    }
    return report;
  }

  static List<Integer> parallelisms(FlinkClusterStatus s) {
    return job(s).vertices().stream().map(JobDetails.Vertex::parallelism).toList();
  }

  static JobDetails job(FlinkClusterStatus s) {
    return new HttpFlinkRestClient(URI.create(s.restUrl()), Duration.ofSeconds(10)).job(s.job().id());
  }

  static List<String> metricIds(FlinkClusterStatus s) {
    List<String> ids = new ArrayList<>();
    get(vertexUri(s, "kafka-source") + "/metrics").forEach(metric -> ids.add(metric.get("id").asText()));
    return ids;
  }

  /** {@code /jobs/:jid/vertices/:vid} of the vertex whose name contains {@code vertex}. */
  static String vertexUri(FlinkClusterStatus s, String vertex) {
    JobDetails.Vertex v = job(s).vertices().stream().filter(x -> x.name().contains(vertex)).findFirst()
        .orElseThrow();
    return s.restUrl() + "/jobs/" + s.job().id() + "/vertices/" + v.id();
  }

  static JsonNode get(String uri) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
