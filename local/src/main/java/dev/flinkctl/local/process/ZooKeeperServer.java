package dev.flinkctl.local.process;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A single ZooKeeper server in its own JVM, for ZooKeeper HA of local clusters. Runs from the
 * zookeeper jar in the Flink distribution's lib/ and keeps everything under one directory:
 * zoo.cfg, data/, log/zookeeper.{log,out,pid}.
 */
public final class ZooKeeperServer {
  static final String MAIN_CLASS = "org.apache.zookeeper.server.ZooKeeperServerMain";
  static final String ROLE = "zookeeper";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final FlinkProcess process;
  private final int port;

  private ZooKeeperServer(FlinkProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a server under {@code dir} and waits until it serves sessions; returns the running one
   * if there is one. Reuses the port of an earlier run in the same directory when it is free, so the
   * quorum address in an existing Flink configuration stays valid; otherwise picks a free one.
   */
  public static ZooKeeperServer start(FlinkDistribution dist, Path dir) {
    Optional<ZooKeeperServer> running = attach(dir);
    if (running.isPresent()) {
      return running.get();
    }
    int port = previousPort(dir).filter(FreePorts::isFree).orElseGet(() -> FreePorts.pick(1).get(0));
    return start(dist, dir, port);
  }

  /** Starts a server on {@code port}; one already running from {@code dir} is returned if it uses that port. */
  public static ZooKeeperServer start(FlinkDistribution dist, Path dir, int port) {
    Path home = dir.toAbsolutePath();
    Optional<ZooKeeperServer> running = attach(home);
    if (running.isPresent()) {
      if (running.get().port() == port) {
        return running.get();
      }
      throw new FlinkProcessException("ZooKeeper from " + home + " already runs on port " + running.get().port()
          + " (pid " + running.get().process().pid() + "); stop it first");
    }
    Path config = home.resolve("zoo.cfg");
    try {
      Files.createDirectories(home.resolve("data"));
      Files.writeString(config, zooCfg(home.resolve("data"), port));
    } catch (IOException e) {
      throw new FlinkProcessException("could not prepare ZooKeeper in " + home + ": " + e, e);
    }
    FlinkProcess process = FlinkProcess.start(new LaunchSpec(ROLE, dist, home, MAIN_CLASS,
        List.of(config.toString()),
        List.of("-Xmx256m", "-XX:+UseSerialGC",
            // No HTTP admin server (it would take port 8080) and no JMX hooks into log4j 1.
            "-Dzookeeper.admin.enableServer=false", "-Dzookeeper.jmx.log4j.disable=true"),
        LaunchSpec.defaultLogFile(home, ROLE)));
    ZooKeeperServer server = new ZooKeeperServer(process, port);
    server.awaitServing();
    return server;
  }

  /** The server a previous flinkctl started under {@code dir}, if it still runs. */
  public static Optional<ZooKeeperServer> attach(Path dir) {
    Path home = dir.toAbsolutePath();
    Optional<Integer> port = previousPort(home);
    if (port.isEmpty()) {
      return Optional.empty();
    }
    return FlinkProcess.attach(home.resolve("log").resolve(ROLE + ".pid"))
        .map(p -> new ZooKeeperServer(p, port.get()));
  }

  /** For high-availability.zookeeper.quorum. */
  public String connectString() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public FlinkProcess process() {
    return process;
  }

  public void stop() {
    process.stop(Duration.ofSeconds(10));
  }

  private void awaitServing() {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (isServing(port, Duration.ofSeconds(2))) {
        return;
      }
      if (!process.isAlive()) {
        throw new FlinkProcessException("ZooKeeper exited while starting:\n" + process.tailLog(30));
      }
      sleep(100);
    }
    process.stop(Duration.ofSeconds(5));
    throw new FlinkProcessException("ZooKeeper did not serve on " + connectString() + " within "
        + STARTUP_TIMEOUT.toSeconds() + " s:\n" + process.tailLog(30));
  }

  /**
   * Opens and closes a ZooKeeper session on the client port. A bare TCP connect is not enough (the
   * port is bound before the database is loaded) and four-letter words are disabled.
   */
  static boolean isServing(int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      // ConnectRequest: protocolVersion, lastZxidSeen, timeOut, sessionId, passwd, readOnly.
      out.writeInt(4 + 8 + 4 + 8 + 4 + 16 + 1);
      out.writeInt(0);
      out.writeLong(0);
      out.writeInt(4000);
      out.writeLong(0);
      out.writeInt(16);
      out.write(new byte[16]);
      out.writeBoolean(false);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int length = in.readInt();
      if (length < 16) {
        return false;
      }
      in.readInt(); // protocolVersion
      int negotiatedTimeout = in.readInt();
      long sessionId = in.readLong();
      // closeSession (type -11), so the probe leaves no session behind until it times out.
      out.writeInt(8);
      out.writeInt(1);
      out.writeInt(-11);
      out.flush();
      return sessionId != 0 && negotiatedTimeout > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String zooCfg(Path dataDir, int port) {
    // java.util.Properties reads this file: backslashes would be escapes, so use forward slashes.
    return "# written by flinkctl\n"
        + "tickTime=2000\n"
        + "dataDir=" + dataDir.toString().replace('\\', '/') + "\n"
        + "clientPort=" + port + "\n"
        + "clientPortAddress=127.0.0.1\n"
        + "maxClientCnxns=0\n"
        + "admin.enableServer=false\n"
        // Empty list: no four-letter words (they answer anyone who can reach the port).
        + "4lw.commands.whitelist=\n"
        + "autopurge.snapRetainCount=3\n"
        + "autopurge.purgeInterval=1\n";
  }

  private static Optional<Integer> previousPort(Path dir) {
    Path config = dir.resolve("zoo.cfg");
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(config)) {
      properties.load(reader);
      return Optional.of(Integer.parseInt(properties.getProperty("clientPort", "").trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkProcessException("interrupted while waiting for ZooKeeper");
    }
  }
}
