package dev.flinkctl.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flinkctl.local.process.TestClusters.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real Flink 1.20.3 JobManager and TaskManager JVMs. */
class FlinkProcessTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final TestClusters.Started started = new TestClusters.Started();

  @AfterEach
  void stopEverything() {
    started.close();
  }

  @Test
  void sessionClusterComesUpWithItsSlotsAndStops() throws Exception {
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    Ports ports = Ports.pick();
    Path home = TestClusters.home(dir.resolve("cluster"), ports, "1280m");
    Path conf = home.resolve("conf");

    long t0 = System.nanoTime();
    // Started concurrently, as a platform would: both prepare the same fresh FLINK_HOME.
    CompletableFuture<FlinkProcess> startJm = CompletableFuture.supplyAsync(() -> started.add(FlinkProcess.start(
        TestClusters.spec("jobmanager-0", dist, home, Entrypoints.SESSION_JOBMANAGER, Entrypoints.sessionJobManager(conf)))));
    CompletableFuture<FlinkProcess> startTm = CompletableFuture.supplyAsync(() -> started.add(FlinkProcess.start(
        TestClusters.spec("taskmanager-0", dist, home, Entrypoints.TASKMANAGER, Entrypoints.taskManager(conf)))));
    FlinkProcess jm = startJm.join();
    FlinkProcess tm = startTm.join();
    String overview = TestClusters.awaitOverview(ports.rest(), 1, 2, Duration.ofSeconds(60), jm, tm);
    System.out.printf("JM+TM up with 2 slots in %d ms (including BashJavaUtils; load %s)%n",
        (System.nanoTime() - t0) / 1_000_000, TestClusters.loadAverage());

    assertThat(overview).contains("\"flink-version\":\"1.20.3\"");
    assertThat(jm.pid()).isNotEqualTo(tm.pid());
    assertThat(Files.readAllLines(jm.pidFile()).get(0)).isEqualTo(Long.toString(jm.pid()));
    assertThat(home.resolve("log").resolve("jobmanager-0.log")).isNotEmptyFile();
    assertThat(jm.tailLog(5)).contains("jobmanager-0.log");
    // The TaskManager got the memory Flink computed for 1280m, not JVM defaults.
    String tmCommand = Processes.commandLine(ProcessHandle.of(tm.pid()).orElseThrow()).orElseThrow();
    assertThat(tmCommand).contains("-XX:MaxDirectMemorySize=", "taskmanager.cpu.cores=", "--add-opens=java.base/java.util=ALL-UNNAMED");

    // A later flinkctl invocation finds both through their pid files.
    Optional<FlinkProcess> attached = FlinkProcess.attach(tm.pidFile());
    assertThat(attached).isPresent();
    assertThat(attached.get().pid()).isEqualTo(tm.pid());
    assertThat(attached.get().role()).isEqualTo("taskmanager-0");
    assertThat(attached.get().logFile()).isEqualTo(tm.logFile());

    attached.get().stop(Duration.ofSeconds(20)); // stopping through the attached handle works too
    jm.stop(Duration.ofSeconds(20));
    assertThat(tm.isAlive()).isFalse();
    assertThat(jm.isAlive()).isFalse();
    assertThat(ProcessHandle.of(jm.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    assertThat(jm.pidFile()).doesNotExist();
    assertThat(tm.pidFile()).doesNotExist();
    assertThat(FlinkProcess.attach(tm.pidFile())).isEmpty();
    assertThat(FreePorts.isFree(ports.rest())).isTrue();
  }

  static List<String> versions() {
    return TestClusters.versions();
  }

  /**
   * The same session cluster on each supported line: classpath, entry points and the Prometheus
   * reporter (a substitute version for some releases) hold up. Each process gets its own reporter
   * port through a dynamic property.
   */
  @ParameterizedTest
  @MethodSource("versions")
  void sessionClusterOnEachVersion(String version) {
    FlinkDistribution dist = TestClusters.dist(version);
    Ports ports = Ports.pick();
    List<Integer> metricPorts = FreePorts.pick(2);
    Path home = TestClusters.home(dir.resolve("cluster-" + version), ports, "1280m", version, """
        metrics:
          reporter:
            prom:
              factory:
                class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
        """);
    Path conf = home.resolve("conf");
    FlinkProcess jm = started.add(FlinkProcess.start(TestClusters.spec("jobmanager-0", dist, home,
        Entrypoints.SESSION_JOBMANAGER,
        Entrypoints.sessionJobManager(conf, Map.of("metrics.reporter.prom.port", "" + metricPorts.get(0))))));
    FlinkProcess tm = started.add(FlinkProcess.start(TestClusters.spec("taskmanager-0", dist, home,
        Entrypoints.TASKMANAGER,
        Entrypoints.taskManager(conf, Map.of("metrics.reporter.prom.port", "" + metricPorts.get(1))))));
    String overview = TestClusters.awaitOverview(ports.rest(), 1, 2, Duration.ofSeconds(90), jm, tm);
    assertThat(overview).contains("\"flink-version\":\"" + version + "\"");
    assertThat(TestClusters.get(metricPorts.get(0), "/metrics")).hasValueSatisfying(
        m -> assertThat(m).contains("flink_jobmanager_numRegisteredTaskManagers"));
    assertThat(TestClusters.get(metricPorts.get(1), "/metrics")).hasValueSatisfying(
        m -> assertThat(m).contains("flink_taskmanager_Status_JVM_Memory_Heap_Used"));
    started.close();
    assertThat(jm.isAlive()).isFalse();
    assertThat(tm.isAlive()).isFalse();
  }

  @Test
  void attachRefusesAPidFileWhosePidRunsSomethingElse() throws Exception {
    Path pidFile = dir.resolve("taskmanager-0.pid");
    // This test JVM is alive but is not that TaskManager: a recycled pid must not be adopted.
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\ntaskmanager-0@" + dir + "\n");
    assertThat(FlinkProcess.attach(pidFile)).isEmpty();

    Files.writeString(pidFile, "999999999\ntaskmanager-0@" + dir + "\n");
    assertThat(FlinkProcess.attach(pidFile)).isEmpty();
    Files.writeString(pidFile, "not a pid\n");
    assertThat(FlinkProcess.attach(pidFile)).isEmpty();
    assertThat(FlinkProcess.attach(dir.resolve("missing.pid"))).isEmpty();
  }

  @Test
  void attachRequiresTheWholeMarkerNotAPrefix() throws Exception {
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    Path home = dir.resolve("zk");
    // Any long-lived JVM of ours will do; ZooKeeper starts fastest.
    ZooKeeperServer zk = ZooKeeperServer.start(dist, home);
    started.add(zk.process());
    Path pidFile = zk.process().pidFile();
    assertThat(FlinkProcess.attach(pidFile)).map(FlinkProcess::pid).contains(zk.process().pid());

    List<String> lines = Files.readAllLines(pidFile);
    Path otherRole = pidFile.resolveSibling("zookeeper-1.pid");
    Files.writeString(otherRole, lines.get(0) + "\n" + lines.get(1).replace("zookeeper@", "zookeeper-1@") + "\n");
    Path prefix = pidFile.resolveSibling("zoo.pid");
    Files.writeString(prefix, lines.get(0) + "\n" + lines.get(1).replace("zookeeper@", "zoo@") + "\n");
    // A marker that is a prefix of the real one (home "/a/zk" vs "/a/zk2") must not match either.
    Path otherHome = pidFile.resolveSibling("other.pid");
    String marker = lines.get(1);
    Files.writeString(otherHome, lines.get(0) + "\n" + marker.substring(0, marker.length() - 1) + "\n");
    assertThat(FlinkProcess.attach(otherRole)).isEmpty();
    assertThat(FlinkProcess.attach(prefix)).isEmpty();
    assertThat(FlinkProcess.attach(otherHome)).isEmpty();
  }

  @Test
  void aRoleThatAlreadyRunsIsNotStartedTwice() {
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    ZooKeeperServer zk = ZooKeeperServer.start(dist, dir.resolve("zk"));
    started.add(zk.process());
    LaunchSpec again = new LaunchSpec("zookeeper", dist, dir.resolve("zk"), ZooKeeperServer.MAIN_CLASS,
        List.of(), List.of(), LaunchSpec.defaultLogFile(dir.resolve("zk"), "zookeeper"));
    assertThatThrownBy(() -> FlinkProcess.start(again))
        .isInstanceOf(FlinkProcessException.class).hasMessageContaining("zookeeper already runs (pid " + zk.process().pid());
  }

  @Test
  void killEndsTheProcessAtOnce() {
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    ZooKeeperServer zk = ZooKeeperServer.start(dist, dir.resolve("zk"));
    FlinkProcess p = started.add(zk.process());
    p.kill();
    assertThat(p.isAlive()).isFalse();
    assertThat(p.exitCode()).hasValueSatisfying(code -> assertThat(code).isNotZero());
    assertThat(p.pidFile()).doesNotExist();
  }

  @Test
  void aJvmThatCannotStartExplainsItselfInTailLog() {
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    Path home = dir.resolve("broken");
    FlinkProcess p = started.add(FlinkProcess.start(new LaunchSpec("jobmanager-0", dist, home,
        "org.example.DoesNotExist", List.of(), List.of(), LaunchSpec.defaultLogFile(home, "jobmanager-0"))));
    assertThat(p.awaitExit(Duration.ofSeconds(30))).isTrue();
    assertThat(p.exitCode()).hasValueSatisfying(code -> assertThat(code).isNotZero());
    assertThat(p.tailLog(20)).contains("org.example.DoesNotExist").contains("jobmanager-0.out");
    // A later invocation cannot attach to a dead process, but can still read why it died.
    assertThat(FlinkProcess.attach(p.pidFile())).isEmpty();
    assertThat(FlinkProcess.tailLog(LaunchSpec.defaultLogFile(home, "jobmanager-0"), 20)).contains("org.example.DoesNotExist");
  }
}
