package dev.flinkctl.control.rest;

import static dev.flinkctl.control.rest.FlinkResponses.JAR_ID;
import static dev.flinkctl.control.rest.FlinkResponses.JOB_ID;
import static dev.flinkctl.control.rest.FlinkResponses.SINK_VERTEX;
import static dev.flinkctl.control.rest.FlinkResponses.SOURCE_VERTEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flinkctl.control.rest.FakeFlink.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each client method against a fake JobManager: what was parsed, and what was sent. */
class HttpFlinkRestClientTest {
  private static final String TRIGGER_ID = "5f1e3c7a9b2d4e6f8a0c1b3d5e7f9a1b";

  FakeFlink flink;
  FlinkRestClient client;

  @BeforeEach
  void start() {
    flink = new FakeFlink();
    client = new HttpFlinkRestClient(flink.uri(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    flink.close();
  }

  @Test
  void overview() {
    flink.on("GET", "/overview", 200, FlinkResponses.OVERVIEW);

    ClusterOverview overview = client.overview();

    assertThat(overview).isEqualTo(new ClusterOverview(1, 2, 0, 1, 0, 1, 0, "1.20.3", "cc4cf8d"));
    assertGet(flink.onlyRequest(), "/overview");
  }

  @Test
  void jobs() {
    flink.on("GET", "/jobs/overview", 200, FlinkResponses.JOBS_OVERVIEW);

    List<JobOverview> jobs = client.jobs();

    assertThat(jobs).extracting(JobOverview::jid, JobOverview::name, JobOverview::state)
        .containsExactly(
            tuple(JOB_ID, "orders-enrichment", FlinkJobState.RUNNING),
            tuple("0a1b2c3d4e5f60718293a4b5c6d7e8f9", "orders-enrichment", FlinkJobState.CANCELED),
            tuple("ffffffffffffffffffffffffffffffff", "from-the-future", FlinkJobState.UNKNOWN));
    JobOverview running = jobs.get(0);
    assertThat(running.startTime()).isEqualTo(1718000000000L);
    assertThat(running.endTime()).isEqualTo(-1);
    assertThat(running.duration()).isEqualTo(123456);
    assertThat(running.lastModification()).isEqualTo(1718000003000L);
    assertThat(running.tasks().total()).isEqualTo(4);
    assertThat(running.tasks().running()).isEqualTo(4);
    assertThat(jobs.get(1).tasks().canceled()).isEqualTo(4);
    assertThat(jobs.get(1).endTime()).isEqualTo(1717999000000L);
    assertGet(flink.onlyRequest(), "/jobs/overview");
  }

  @Test
  void job() {
    flink.on("GET", "/jobs/" + JOB_ID, 200, FlinkResponses.JOB_DETAILS);

    JobDetails job = client.job(JOB_ID);

    assertThat(job.jid()).isEqualTo(JOB_ID);
    assertThat(job.name()).isEqualTo("orders-enrichment");
    assertThat(job.state()).isEqualTo(FlinkJobState.RUNNING);
    assertThat(job.endTime()).isEqualTo(-1);
    assertThat(job.runningSince()).isEqualTo(java.time.Instant.ofEpochMilli(1718000000500L));
    assertThat(job.vertices()).containsExactly(
        new JobDetails.Vertex(SOURCE_VERTEX, "Source: orders -> Map", 2, 128, "RUNNING"),
        new JobDetails.Vertex(SINK_VERTEX, "KeyedProcess -> Sink: enriched", 2, 128, "RUNNING"));
    assertThat(job.vertex(SINK_VERTEX)).map(JobDetails.Vertex::parallelism).contains(2);
    assertThat(job.vertex("0000")).isEmpty();
    assertGet(flink.onlyRequest(), "/jobs/" + JOB_ID);
  }

  @Test
  void uploadJar(@TempDir Path dir) throws IOException {
    byte[] jarBytes = new byte[70_000];
    Arrays.fill(jarBytes, (byte) 7);
    jarBytes[0] = 'P';
    jarBytes[1] = 'K';
    Path jar = Files.write(dir.resolve("orders-job.jar"), jarBytes);
    flink.on("POST", "/jars/upload", 200, FlinkResponses.JAR_UPLOADED);

    String jarId = client.uploadJar(jar);

    assertThat(jarId).isEqualTo(JAR_ID);
    Request r = flink.onlyRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/jars/upload");
    String contentType = r.header("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
    String head = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"orders-job.jar\"\r\n"
        + "Content-Type: application/x-java-archive\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] body = r.body();
    assertThat(new String(body, 0, head.length(), StandardCharsets.ISO_8859_1)).isEqualTo(head);
    assertThat(new String(body, body.length - tail.length(), tail.length(), StandardCharsets.ISO_8859_1))
        .isEqualTo(tail);
    assertThat(Arrays.copyOfRange(body, head.length(), body.length - tail.length())).isEqualTo(jarBytes);
  }

  @Test
  void uploadNameIsPlainAndEndsInJar() {
    assertThat(HttpFlinkRestClient.uploadName(Path.of("/x/my job (1).jar"))).isEqualTo("my_job__1_.jar");
    assertThat(HttpFlinkRestClient.uploadName(Path.of("/x/job-shaded"))).isEqualTo("job-shaded.jar");
  }

  @Test
  void runJarSendsOnlyTheGivenFieldsAndArgumentsAsAList() {
    flink.on("POST", "/jars/" + JAR_ID + "/run", 200, FlinkResponses.JAR_RUN);

    String jobId = client.runJar(JAR_ID, new JarRunRequest("com.example.OrdersJob",
        List.of("--topic", "orders with spaces"), 2, JOB_ID,
        "file:/var/flink/savepoints/savepoint-0a1b2c-5e6f7a8b9c0d", true));

    assertThat(jobId).isEqualTo(JOB_ID);
    Request r = flink.onlyRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/jars/" + JAR_ID + "/run");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = r.json();
    assertThat(fieldNames(body)).containsExactlyInAnyOrder("entryClass", "programArgsList",
        "parallelism", "jobId", "savepointPath", "allowNonRestoredState");
    assertThat(body.get("entryClass").asText()).isEqualTo("com.example.OrdersJob");
    assertThat(body.get("programArgsList")).extracting(JsonNode::asText)
        .containsExactly("--topic", "orders with spaces");
    assertThat(body.get("parallelism").asInt()).isEqualTo(2);
    assertThat(body.get("jobId").asText()).isEqualTo(JOB_ID);
    assertThat(body.get("savepointPath").asText())
        .isEqualTo("file:/var/flink/savepoints/savepoint-0a1b2c-5e6f7a8b9c0d");
    assertThat(body.get("allowNonRestoredState").asBoolean()).isTrue();
  }

  @Test
  void runJarOmitsNullFields() {
    flink.on("POST", "/jars/" + JAR_ID + "/run", 200, FlinkResponses.JAR_RUN);

    client.runJar(JAR_ID, new JarRunRequest(null, null, null, null, null, null,
        Map.of("pipeline.name", "orders")));

    JsonNode body = flink.onlyRequest().json();
    assertThat(fieldNames(body)).containsExactly("flinkConfiguration");
    assertThat(body.get("flinkConfiguration").get("pipeline.name").asText()).isEqualTo("orders");
  }

  @Test
  void deleteJar() {
    flink.on("DELETE", "/jars/" + JAR_ID, 200, "{}");

    client.deleteJar(JAR_ID);

    Request r = flink.onlyRequest();
    assertThat(r.method()).isEqualTo("DELETE");
    assertThat(r.path()).isEqualTo("/jars/" + JAR_ID);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void pathParametersAreEncoded() {
    flink.on("DELETE", "/jars/a%20b%2Fc.jar", 200, "{}");

    client.deleteJar("a b/c.jar");

    assertThat(flink.onlyRequest().path()).isEqualTo("/jars/a%20b%2Fc.jar");
  }

  @Test
  void cancel() {
    flink.on("PATCH", "/jobs/" + JOB_ID, 202, "{}");

    client.cancel(JOB_ID);

    Request r = flink.onlyRequest();
    assertThat(r.method()).isEqualTo("PATCH");
    assertThat(r.path()).isEqualTo("/jobs/" + JOB_ID);
    assertThat(r.query()).isEqualTo("mode=cancel");
  }

  @Test
  void triggerSavepoint() {
    flink.on("POST", "/jobs/" + JOB_ID + "/savepoints", 202, FlinkResponses.TRIGGERED);

    String requestId = client.triggerSavepoint(JOB_ID, "s3://bucket/savepoints", false, TRIGGER_ID);

    assertThat(requestId).isEqualTo(TRIGGER_ID);
    Request r = flink.onlyRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/jobs/" + JOB_ID + "/savepoints");
    JsonNode body = r.json();
    assertThat(fieldNames(body))
        .containsExactlyInAnyOrder("target-directory", "cancel-job", "formatType", "triggerId");
    assertThat(body.get("target-directory").asText()).isEqualTo("s3://bucket/savepoints");
    assertThat(body.get("cancel-job").isBoolean()).isTrue();
    assertThat(body.get("cancel-job").asBoolean()).isFalse();
    assertThat(body.get("formatType").asText()).isEqualTo("CANONICAL");
    assertThat(body.get("triggerId").asText()).isEqualTo(TRIGGER_ID);
  }

  @Test
  void triggerSavepointLeavesOutWhatTheCallerLeftOpen() {
    flink.on("POST", "/jobs/" + JOB_ID + "/savepoints", 202, FlinkResponses.TRIGGERED);

    client.triggerSavepoint(JOB_ID, null, true, null);

    JsonNode body = flink.onlyRequest().json();
    assertThat(fieldNames(body)).containsExactlyInAnyOrder("cancel-job", "formatType");
    assertThat(body.get("cancel-job").asBoolean()).isTrue();
  }

  @Test
  void stopWithSavepoint() {
    flink.on("POST", "/jobs/" + JOB_ID + "/stop", 202, FlinkResponses.TRIGGERED);

    String requestId = client.stopWithSavepoint(JOB_ID, "file:///var/flink/savepoints", false, TRIGGER_ID);

    assertThat(requestId).isEqualTo(TRIGGER_ID);
    Request r = flink.onlyRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/jobs/" + JOB_ID + "/stop");
    JsonNode body = r.json();
    assertThat(fieldNames(body))
        .containsExactlyInAnyOrder("targetDirectory", "drain", "formatType", "triggerId");
    assertThat(body.get("targetDirectory").asText()).isEqualTo("file:///var/flink/savepoints");
    assertThat(body.get("drain").isBoolean()).isTrue();
    assertThat(body.get("drain").asBoolean()).isFalse();
    assertThat(body.get("formatType").asText()).isEqualTo("CANONICAL");
    assertThat(body.get("triggerId").asText()).isEqualTo(TRIGGER_ID);
  }

  @Test
  void savepointStatusInProgress() {
    flink.on("GET", "/jobs/" + JOB_ID + "/savepoints/" + TRIGGER_ID, 200,
        FlinkResponses.SAVEPOINT_IN_PROGRESS);

    SavepointStatus status = client.savepointStatus(JOB_ID, TRIGGER_ID);

    assertThat(status).isEqualTo(new SavepointStatus(SavepointStatus.State.IN_PROGRESS, null, null));
    assertThat(status.isInProgress()).isTrue();
    assertThat(status.isSuccessful()).isFalse();
    assertThat(status.isFailed()).isFalse();
    assertGet(flink.onlyRequest(), "/jobs/" + JOB_ID + "/savepoints/" + TRIGGER_ID);
  }

  @Test
  void savepointStatusCompleted() {
    flink.on("GET", "/jobs/" + JOB_ID + "/savepoints/" + TRIGGER_ID, 200,
        FlinkResponses.SAVEPOINT_COMPLETED);

    SavepointStatus status = client.savepointStatus(JOB_ID, TRIGGER_ID);

    assertThat(status.state()).isEqualTo(SavepointStatus.State.COMPLETED);
    assertThat(status.isSuccessful()).isTrue();
    assertThat(status.location()).isEqualTo("file:/var/flink/savepoints/savepoint-8f1c2a-0b1c2d3e4f5a");
    assertThat(status.failureCause()).isNull();
  }

  @Test
  void savepointStatusFailedNamesTheRootCause() {
    flink.on("GET", "/jobs/" + JOB_ID + "/savepoints/" + TRIGGER_ID, 200,
        FlinkResponses.SAVEPOINT_FAILED);

    SavepointStatus status = client.savepointStatus(JOB_ID, TRIGGER_ID);

    assertThat(status.state()).isEqualTo(SavepointStatus.State.COMPLETED);
    assertThat(status.isFailed()).isTrue();
    assertThat(status.isSuccessful()).isFalse();
    assertThat(status.location()).isNull();
    assertThat(status.failureCause())
        .startsWith("java.util.concurrent.CompletionException: org.apache.flink.runtime.checkpoint"
            + ".CheckpointException: Task Source: orders (1/2) is not running.")
        .endsWith("(root cause: org.apache.flink.runtime.checkpoint.CheckpointException: "
            + "Not all required tasks are currently running.)")
        .doesNotContain("\n", "\tat ");
  }

  @Test
  void savepointStatusWithAnUnknownStateIsAResponseError() {
    flink.on("GET", "/jobs/" + JOB_ID + "/savepoints/" + TRIGGER_ID, 200,
        "{\"status\":{\"id\":\"PAUSED\"}}");

    assertThatThrownBy(() -> client.savepointStatus(JOB_ID, TRIGGER_ID))
        .isInstanceOf(FlinkResponseException.class)
        .hasMessageContaining("PAUSED");
  }

  @Test
  void checkpoints() {
    flink.on("GET", "/jobs/" + JOB_ID + "/checkpoints", 200, FlinkResponses.CHECKPOINTS);

    CheckpointStats stats = client.checkpoints(JOB_ID);

    assertThat(stats.counts()).isEqualTo(new CheckpointStats.Counts(11, 1, 1, 1, 13));
    assertThat(stats.latestCompleted()).isEqualTo(new CheckpointStats.Completed(11,
        "file:/var/flink/checkpoints/8f1c2a4d5e6f7a8b9c0d1e2f3a4b5c6d/chk-11", 1718000110092L));
    assertThat(stats.latestRestored()).isEqualTo(new CheckpointStats.Restored(7,
        "file:/var/flink/savepoints/savepoint-0a1b2c-5e6f7a8b9c0d", 1718000000400L, true));
    assertGet(flink.onlyRequest(), "/jobs/" + JOB_ID + "/checkpoints");
  }

  @Test
  void checkpointsBeforeTheFirstOne() {
    flink.on("GET", "/jobs/" + JOB_ID + "/checkpoints", 200, FlinkResponses.CHECKPOINTS_NONE_YET);

    CheckpointStats stats = client.checkpoints(JOB_ID);

    assertThat(stats.counts().total()).isZero();
    assertThat(stats.latestCompleted()).isNull();
    assertThat(stats.latestRestored()).isNull();
  }

  @Test
  void vertexMetrics() {
    String path = "/jobs/" + JOB_ID + "/vertices/" + SOURCE_VERTEX + "/subtasks/metrics";
    flink.on("GET", path, 200, FlinkResponses.VERTEX_METRICS);

    List<VertexMetric> metrics = client.vertexMetrics(JOB_ID, SOURCE_VERTEX,
        List.of("busyTimeMsPerSecond", "backPressuredTimeMsPerSecond"));

    assertThat(metrics).containsExactly(
        new VertexMetric("busyTimeMsPerSecond", 120.0, 870.0, 495.0, 990.0),
        new VertexMetric("backPressuredTimeMsPerSecond", 0.0, 12.0, 6.0, 12.0));
    Request r = flink.onlyRequest();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo(path);
    assertThat(r.query())
        .isEqualTo("get=busyTimeMsPerSecond,backPressuredTimeMsPerSecond&agg=min,max,avg,sum");
  }

  @Test
  void vertexMetricsWithoutValuesYetOrNaN() {
    String path = "/jobs/" + JOB_ID + "/vertices/" + SOURCE_VERTEX + "/subtasks/metrics";
    flink.on("GET", path, 200,
        "[{\"id\":\"Source__orders.pendingRecords\"},{\"id\":\"idleTimeMsPerSecond\",\"max\":\"NaN\",\"avg\":NaN}]");

    List<VertexMetric> metrics = client.vertexMetrics(JOB_ID, SOURCE_VERTEX,
        List.of("Source__orders.pendingRecords", "idleTimeMsPerSecond"));

    assertThat(metrics.get(0)).isEqualTo(new VertexMetric("Source__orders.pendingRecords", null, null, null, null));
    assertThat(metrics.get(1).max()).isNaN();
    assertThat(metrics.get(1).avg()).isNaN();
    assertThat(metrics.get(1).sum()).isNull();
  }

  @Test
  void vertexMetricsWithoutNamesListsWhatThereIs() {
    String path = "/jobs/" + JOB_ID + "/vertices/" + SOURCE_VERTEX + "/subtasks/metrics";
    flink.on("GET", path, 200, "[{\"id\":\"busyTimeMsPerSecond\"},{\"id\":\"numRecordsInPerSecond\"}]");

    List<VertexMetric> metrics = client.vertexMetrics(JOB_ID, SOURCE_VERTEX, List.of());

    assertThat(metrics).extracting(VertexMetric::id)
        .containsExactly("busyTimeMsPerSecond", "numRecordsInPerSecond");
    assertThat(flink.onlyRequest().query()).isNull();
  }

  @Test
  void vertexMetricNamesAreTheSubtasksNamesSorted() {
    String path = "/jobs/" + JOB_ID + "/vertices/" + SOURCE_VERTEX + "/subtasks/metrics";
    flink.on("GET", path, 200, FlinkResponses.KAFKA_SOURCE_METRIC_NAMES);

    List<String> names = client.vertexMetricNames(JOB_ID, SOURCE_VERTEX);

    assertThat(names).contains("Source__orders.pendingRecords", "busyTimeMsPerSecond",
            "Source__orders.KafkaSourceReader.topic.orders.partition.3.currentOffset")
        .isSorted()
        .doesNotHaveDuplicates()
        .noneMatch(n -> n.matches("^\\d+\\..*"));
    assertGet(flink.onlyRequest(), path);
  }

  @Test
  void backpressure() {
    String path = "/jobs/" + JOB_ID + "/vertices/" + SOURCE_VERTEX + "/backpressure";
    flink.on("GET", path, 200, FlinkResponses.BACKPRESSURE);

    BackpressureInfo info = client.backpressure(JOB_ID, SOURCE_VERTEX);

    assertThat(info).isEqualTo(new BackpressureInfo("ok", BackpressureInfo.Level.LOW, 0.31));
    assertThat(info.isAvailable()).isTrue();
    assertGet(flink.onlyRequest(), path);
  }

  @Test
  void backpressureBeforeStatisticsExist() {
    String path = "/jobs/" + JOB_ID + "/vertices/" + SOURCE_VERTEX + "/backpressure";
    flink.on("GET", path, 200, FlinkResponses.BACKPRESSURE_NOT_YET);

    BackpressureInfo info = client.backpressure(JOB_ID, SOURCE_VERTEX);

    assertThat(info.isAvailable()).isFalse();
    assertThat(info.level()).isNull();
    assertThat(info.maxRatio()).isZero();
  }

  @Test
  void resourceRequirements() {
    flink.on("GET", "/jobs/" + JOB_ID + "/resource-requirements", 200,
        FlinkResponses.RESOURCE_REQUIREMENTS);

    ResourceRequirements requirements = client.resourceRequirements(JOB_ID);

    assertThat(requirements.vertices()).isEqualTo(Map.of(
        SOURCE_VERTEX, new ParallelismBounds(1, 2),
        SINK_VERTEX, new ParallelismBounds(1, 4)));
    assertThat(requirements.bounds(SINK_VERTEX)).contains(new ParallelismBounds(1, 4));
    assertGet(flink.onlyRequest(), "/jobs/" + JOB_ID + "/resource-requirements");
  }

  @Test
  void updateResourceRequirements() {
    flink.on("PUT", "/jobs/" + JOB_ID + "/resource-requirements", 200, "{}");
    Map<String, ParallelismBounds> wanted = new LinkedHashMap<>();
    wanted.put(SOURCE_VERTEX, ParallelismBounds.exactly(3));
    wanted.put(SINK_VERTEX, new ParallelismBounds(1, 6));

    client.updateResourceRequirements(JOB_ID, wanted);

    Request r = flink.onlyRequest();
    assertThat(r.method()).isEqualTo("PUT");
    assertThat(r.path()).isEqualTo("/jobs/" + JOB_ID + "/resource-requirements");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = r.json();
    assertThat(fieldNames(body)).containsExactlyInAnyOrder(SOURCE_VERTEX, SINK_VERTEX);
    assertThat(fieldNames(body.get(SOURCE_VERTEX))).containsExactly("parallelism");
    assertThat(body.get(SOURCE_VERTEX).get("parallelism").get("lowerBound").asInt()).isEqualTo(3);
    assertThat(body.get(SOURCE_VERTEX).get("parallelism").get("upperBound").asInt()).isEqualTo(3);
    assertThat(body.get(SINK_VERTEX).get("parallelism").get("lowerBound").asInt()).isEqualTo(1);
    assertThat(body.get(SINK_VERTEX).get("parallelism").get("upperBound").asInt()).isEqualTo(6);
  }

  @Test
  void taskManagers() {
    flink.on("GET", "/taskmanagers", 200, FlinkResponses.TASK_MANAGERS);

    List<TaskManagerInfo> taskManagers = client.taskManagers();

    assertThat(taskManagers).containsExactly(new TaskManagerInfo("127.0.0.1:36745-5c2d2e",
        "pekko.tcp://flink@127.0.0.1:36745/user/rpc/taskmanager_0", 40407, 1718000120500L, 2, 0, false,
        new TaskManagerInfo.Hardware(2, 8323002368L, 536870912L, 536870920L)));
    assertGet(flink.onlyRequest(), "/taskmanagers");
  }

  @Test
  void config() {
    flink.on("GET", "/config", 200, FlinkResponses.CONFIG);

    DashboardConfig config = client.config();

    assertThat(config).isEqualTo(new DashboardConfig("1.20.3", "cc4cf8d @ 2025-09-20T14:02:17+02:00",
        3000, "Coordinated Universal Time", new DashboardConfig.Features(true, false, false, false)));
    assertGet(flink.onlyRequest(), "/config");
  }

  @Test
  void baseUriWithPathPrefixAndTrailingSlash() {
    flink.on("GET", "/api/v1/namespaces/team/services/orders-rest:8081/proxy/config", 200,
        FlinkResponses.CONFIG);
    FlinkRestClient proxied = new HttpFlinkRestClient(
        flink.uri().resolve("/api/v1/namespaces/team/services/orders-rest:8081/proxy/"),
        Duration.ofSeconds(5));

    assertThat(proxied.config().flinkVersion()).isEqualTo("1.20.3");
    assertThat(flink.onlyRequest().path())
        .isEqualTo("/api/v1/namespaces/team/services/orders-rest:8081/proxy/config");
  }

  @Test
  void newTriggerIdIsInFlinksFormat() {
    String a = FlinkRestClient.newTriggerId();
    assertThat(a).matches("[0-9a-f]{32}");
    assertThat(FlinkRestClient.newTriggerId()).isNotEqualTo(a);
  }

  private static void assertGet(Request r, String path) {
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo(path);
    assertThat(r.query()).isNull();
    assertThat(r.header("Accept")).isEqualTo("application/json");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
