package dev.flinkctl.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka broker JVM in KRaft mode (a single node that is broker and controller at once), under one
 * directory: {@code server.properties}, {@code data/}, and {@code broker.log} with everything both JVMs
 * (storage format, then the broker) print.
 *
 * <p>The classpath is written by the build (maven-dependency-plugin, see local/pom.xml): the test
 * classpath without this project's jars and Flink, plus a log binding that only the broker gets.
 */
final class BrokerProcess {
  final int port;
  final Path log;
  private final Process process;
  private final Thread killOnExit;

  private BrokerProcess(int port, Path log, Process process) {
    this.port = port;
    this.log = log;
    this.process = process;
    // A test that forgets close(), or a JVM that exits early, must not leave a broker behind.
    this.killOnExit = new Thread(this::kill, "kafka-broker-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  static BrokerProcess start(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    int port = freePort();
    int controllerPort = freePort();
    Path config = Files.writeString(dir.resolve("server.properties"), config(dir, port, controllerPort));
    Path log = dir.resolve("broker.log");
    List<String> cp = List.of("-cp", classpath());

    List<String> format = new ArrayList<>(java());
    format.addAll(cp);
    format.addAll(List.of("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
        "--config", config.toString(), "--ignore-formatted"));
    Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
      formatting.destroyForcibly();
      throw new IllegalStateException("Formatting Kafka's storage failed; see " + log + ":\n" + tail(log));
    }

    List<String> broker = new ArrayList<>(java());
    broker.addAll(List.of("-Xms128m", "-Xmx512m", "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
    broker.addAll(cp);
    broker.addAll(List.of(BrokerMain.class.getName(), config.toString()));
    // Standard input stays a pipe from this JVM: BrokerMain halts the broker when it closes.
    Process process = new ProcessBuilder(broker).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new BrokerProcess(port, log, process);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Kills the broker and anything it started, without waiting for a clean shutdown: its data is thrown away. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs kill() again, which is harmless.
    }
  }

  static String config(Path dir, int port, int controllerPort) {
    return String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "inter.broker.listener.name=PLAINTEXT",
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"),
        "auto.create.topics.enable=false",
        // One node: every internal topic has one replica; few partitions keep their creation quick.
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=4",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=4",
        // A consumer group otherwise waits 3 s for more members before its first assignment.
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  /**
   * Both JVMs are short-lived and light, and share two cores with the Flink JVMs under test: C1 alone and the
   * serial collector start faster and leave more CPU to Flink than the server defaults.
   */
  private static List<String> java() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  }

  /** The build's broker classpath, this module's test classes (for BrokerMain), and the broker's log binding. */
  static String classpath() throws IOException {
    Path testClasses;
    try {
      testClasses = Path.of(BrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Path generated = testClasses.resolveSibling("kafka-broker");
    Path file = generated.resolve("classpath.txt");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file + " is missing: it is written by `mvn generate-test-resources` "
          + "in the local module (maven-dependency-plugin, execution kafka-broker-classpath)");
    }
    List<String> entries = new ArrayList<>();
    entries.add(testClasses.toString());
    entries.add(Files.readString(file).trim());
    try (Stream<Path> jars = Files.list(generated.resolve("lib"))) {
      jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String tail(Path log) {
    try {
      // Latin-1 reads any bytes; a log line cut mid-character must not hide the rest.
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
