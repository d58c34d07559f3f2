package dev.flinkctl.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flinkctl.api.FlinkCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.OutputStreamAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's log as its Deployment writes it: one JSON object a line, and every line logged
 * while a FlinkCluster is reconciled names that cluster, including lines from the threads that
 * apply its objects.
 */
class StructuredLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The loggers captured at debug level: the operator's own and JOSDK's, which logs around each reconcile. */
  private static final List<String> CAPTURED = List.of("dev.flinkctl", "io.javaoperatorsdk");

  private final LoggerContext log4j = (LoggerContext) LogManager.getContext(false);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final MockApi api = new MockApi();
  private FlinkOperator operator;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    api.close();
    stopCapture();
  }

  @Test
  void everyLineOfAReconcileIsJsonNamingTheCluster() throws IOException {
    captureWithTheDeploymentsLayout();
    operator = FlinkOperator.start(api.client, new OperatorSettings(Set.of(), null, false, "log-test", 0, null,
        Duration.ofSeconds(20), false, 0), RestEndpoints.inCluster());
    FlinkCluster fc = api.createSeed("flink-cluster.yaml", "logs");
    Await.until("TaskManager Deployment applied", OperatorTest.WAIT, () -> api.client.apps().deployments()
        .inNamespace("logs").withName("production-flink-taskmanager").get() != null);
    operator.close();
    operator = null;
    stopCapture();

    List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(StructuredLogTest::parse).toList();
    assertThat(lines).allSatisfy(line -> assertThat(line.isObject()).as(line.toString()).isTrue());
    List<JsonNode> reconcile = lines.stream().filter(StructuredLogTest::duringReconcile).toList();
    assertThat(reconcile).allSatisfy(line -> {
      assertThat(line.path("namespace").asText()).as(line.toString()).isEqualTo(fc.getMetadata().getNamespace());
      assertThat(line.path("name").asText()).as(line.toString()).isEqualTo(fc.getMetadata().getName());
    });
    assertThat(reconcile).as("the decision, logged as its Event").anySatisfy(line -> {
      assertThat(line.path("logger").asText()).isEqualTo(FlinkClusterReconciler.class.getName());
      assertThat(line.path("level").asText()).isEqualTo("INFO");
      assertThat(line.path("message").asText()).startsWith("Deploying: ");
    });
    assertThat(reconcile).as("an object applied from the apply pool").anySatisfy(line -> {
      assertThat(line.path("thread").asText()).isEqualTo("flinkctl-apply");
      assertThat(line.path("message").asText()).startsWith("applied ");
    });
  }

  @Test
  void theFormatIsJsonUnlessTextIsAsked() {
    String before = System.getProperty("flinkctl.log.format");
    try {
      System.clearProperty("flinkctl.log.format");
      String unset = rootAppender();
      System.setProperty("flinkctl.log.format", "text");
      String text = rootAppender();
      if (System.getenv("FLINKCTL_LOG_FORMAT") == null) {
        assertThat(unset).isEqualTo("json");
      }
      assertThat(text).isEqualTo("text");
    } finally {
      if (before == null) {
        System.clearProperty("flinkctl.log.format");
      } else {
        System.setProperty("flinkctl.log.format", before);
      }
    }
  }

  /** What the operator's configuration file makes of the current properties, read fresh. */
  private static String rootAppender() {
    try (var in = StructuredLogTest.class.getClassLoader().getResourceAsStream(OperatorLogging.CONFIGURATION)) {
      LoggerContext context = new LoggerContext("format-test");
      Configuration config = ConfigurationFactory.getInstance().getConfiguration(context,
          new ConfigurationSource(in));
      config.initialize();
      return config.getRootLogger().getAppenderRefs().get(0).getRef();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JOSDK names the thread while it reconciles; applies run on the operator's pool. */
  private static boolean duringReconcile(JsonNode line) {
    String thread = line.path("thread").asText();
    return thread.startsWith("ReconcilerExecutor-") || thread.equals("flinkctl-apply");
  }

  /** The JSON layout the operator's configuration declares, writing to {@link #out}. */
  private void captureWithTheDeploymentsLayout() {
    Configuration config = log4j.getConfiguration();
    var layout = config.getAppender("json").getLayout();
    OutputStreamAppender capture = OutputStreamAppender.newBuilder().setName("capture").setLayout(layout)
        .setTarget(out).build();
    capture.start();
    for (String name : CAPTURED) {
      LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, false);
      logger.addAppender(capture, Level.DEBUG, null);
      config.addLogger(name, logger);
    }
    log4j.updateLoggers();
  }

  private void stopCapture() {
    Configuration config = log4j.getConfiguration();
    CAPTURED.forEach(config::removeLogger);
    log4j.updateLoggers();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
