package dev.flinkctl.local;

import dev.flinkctl.local.process.FlinkDistribution;
import dev.flinkctl.local.process.ZooKeeperServer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * High availability on this machine: a real ZooKeeper server per cluster, kept across redeploys
 * so that leader election and the job's HA metadata survive a JobManager being replaced.
 */
final class LocalHa {
  private final LocalLayout layout;
  private final FlinkDistribution dist;
  private final Consumer<String> progress;

  LocalHa(LocalLayout layout, FlinkDistribution dist, Consumer<String> progress) {
    this.layout = layout;
    this.dist = dist;
    this.progress = progress;
  }

  String ensureRunning(String cluster) {
    Optional<ZooKeeperServer> running = ZooKeeperServer.attach(dir(cluster)).filter(ZooKeeperServer::isAlive);
    if (running.isPresent()) {
      return running.get().connectString();
    }
    progress.accept(cluster + ": starting ZooKeeper for high availability");
    return ZooKeeperServer.start(dist, dir(cluster)).connectString();
  }

  void stop(String cluster) {
    ZooKeeperServer.attach(dir(cluster)).ifPresent(ZooKeeperServer::stop);
  }

  private Path dir(String cluster) {
    return layout.cluster(cluster).resolve("zookeeper");
  }
}
