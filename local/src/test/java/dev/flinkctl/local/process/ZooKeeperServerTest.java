package dev.flinkctl.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** A real ZooKeeper server JVM from the jars of the Flink distribution. */
class ZooKeeperServerTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final TestClusters.Started started = new TestClusters.Started();

  @AfterEach
  void stopEverything() {
    started.close();
  }

  @Test
  void startsServesAndStops() throws Exception {
    ZooKeeperServer zk = ZooKeeperServer.start(TestClusters.dist(FlinkVersions.DEFAULT), dir.resolve("zk"));
    started.add(zk.process());

    assertThat(zk.connectString()).isEqualTo("127.0.0.1:" + zk.port());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", zk.port()), 2000);
      assertThat(socket.isConnected()).isTrue();
    }
    assertThat(ZooKeeperServer.isServing(zk.port(), Duration.ofSeconds(2))).isTrue();
    assertThat(Files.readString(dir.resolve("zk").resolve("zoo.cfg"))).contains("4lw.commands.whitelist=\n");
    // The admin server would otherwise take port 8080.
    String command = Processes.commandLine(ProcessHandle.of(zk.process().pid()).orElseThrow()).orElseThrow();
    assertThat(command).contains("-Dzookeeper.admin.enableServer=false");

    zk.stop();
    assertThat(zk.isAlive()).isFalse();
    assertThat(ZooKeeperServer.isServing(zk.port(), Duration.ofSeconds(1))).isFalse();
    assertThat(ZooKeeperServer.attach(dir.resolve("zk"))).isEmpty();
  }

  @Test
  void startingAgainReturnsTheRunningServer() {
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    ZooKeeperServer first = ZooKeeperServer.start(dist, dir.resolve("zk"));
    started.add(first.process());
    ZooKeeperServer again = ZooKeeperServer.start(dist, dir.resolve("zk"));
    assertThat(again.process().pid()).isEqualTo(first.process().pid());
    assertThat(again.port()).isEqualTo(first.port());
  }

  @Test
  void restartKeepsThePortSoTheQuorumAddressStaysValid() {
    FlinkDistribution dist = TestClusters.dist(FlinkVersions.DEFAULT);
    ZooKeeperServer first = ZooKeeperServer.start(dist, dir.resolve("zk"));
    started.add(first.process());
    int port = first.port();
    first.stop();

    ZooKeeperServer second = ZooKeeperServer.start(dist, dir.resolve("zk"));
    started.add(second.process());
    assertThat(second.port()).isEqualTo(port);
    assertThat(ZooKeeperServer.isServing(port, Duration.ofSeconds(2))).isTrue();
  }

  @Test
  void outlivesTheJvmThatStartedItAndIsFoundAgain() throws Exception {
    Path zkDir = dir.resolve("zk");
    // A separate JVM starts ZooKeeper and exits, as `flinkctl up -d` does.
    List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(),
        "-cp", System.getProperty("java.class.path")));
    Optional.ofNullable(System.getProperty("flinkctl.flink.bundle"))
        .ifPresent(b -> command.add(1, "-Dflinkctl.flink.bundle=" + b));
    command.addAll(List.of(DetachedStarter.class.getName(), FlinkVersions.DEFAULT, TestClusters.CACHE.toString(), zkDir.toString()));
    Process launcher = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("launcher.out").toFile()).start();
    assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    assertThat(launcher.exitValue()).as(Files.readString(dir.resolve("launcher.out"))).isZero();

    Optional<ZooKeeperServer> attached = ZooKeeperServer.attach(zkDir);
    assertThat(attached).isPresent();
    started.add(attached.get().process());
    assertThat(attached.get().isAlive()).isTrue();
    assertThat(ZooKeeperServer.isServing(attached.get().port(), Duration.ofSeconds(2))).isTrue();
    // Not the launcher's child any more, and (where setsid exists) in a session of its own.
    assertThat(ProcessHandle.of(attached.get().process().pid()).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
        .isNotEqualTo(Optional.of(launcher.pid()));

    attached.get().stop();
    assertThat(attached.get().isAlive()).isFalse();
  }

  /** Starts a ZooKeeper server and exits without stopping it. */
  public static final class DetachedStarter {
    public static void main(String[] args) {
      FlinkDistribution dist = FlinkDistribution.resolve(args[0], Path.of(args[1]), System.out::println);
      ZooKeeperServer zk = ZooKeeperServer.start(dist, Path.of(args[2]));
      System.out.println("started " + zk.connectString() + " pid " + zk.process().pid());
    }
  }
}
