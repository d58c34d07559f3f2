package dev.flinkctl.local;

import dev.flinkctl.control.Deployment;
import dev.flinkctl.control.Plan;
import dev.flinkctl.control.Platform;
import dev.flinkctl.control.PlatformException;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.HttpFlinkRestClient;
import dev.flinkctl.local.process.FlinkProcess;
import dev.flinkctl.model.ResolvedCluster;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The local platform: JobManagers and TaskManagers as JVM processes on this machine, started the
 * way Flink's scripts start them, with the configuration the model renders for a local run.
 */
public final class LocalPlatform implements Platform {
  static final String HOST = "127.0.0.1";
  private final LocalLayout layout;
  private final LocalProcesses processes;

  public LocalPlatform(LocalLayout layout, Consumer<String> progress) {
    this.layout = layout;
    this.processes = new LocalProcesses(layout, progress);
  }

  public LocalLayout layout() {
    return layout;
  }

  @Override
  public Deployment observe(ResolvedCluster cluster) {
    Optional<ProcessRecord> record = processes.record(cluster.name());
    if (record.isEmpty() || record.get().revision() == null) {
      return Deployment.none();
    }
    ProcessRecord r = record.get();
    int jms = 0;
    int jmsReady = 0;
    for (int i = 0; i < r.jobManagers().size(); i++) {
      if (processes.alive(cluster.name(), ProcessRecord.jobManagerRole(i))) {
        jms++;
        if (accepts(r.jobManagers().get(i).rest())) {
          jmsReady++;
        }
      }
    }
    int tms = 0;
    for (int i = 0; i < r.taskManagers(); i++) {
      if (processes.alive(cluster.name(), ProcessRecord.taskManagerRole(i))) {
        tms++;
      }
    }
    String failure = r.failures().isEmpty() ? null : String.join("; ", r.failures());
    return new Deployment(r.revision(), jms, jmsReady, tms, tms, failure);
  }

  @Override
  public void deploy(Plan plan) {
    processes.deploy(plan);
  }

  @Override
  public void scaleTaskManagers(ResolvedCluster cluster, int replicas) {
    processes.scaleTaskManagers(cluster, replicas);
  }

  @Override
  public void tearDown(ResolvedCluster cluster) {
    processes.stopAll(cluster.name(), true);
  }

  /** Restarts processes that died, as a Deployment's controller would; called on every loop pass. */
  public void heal(ResolvedCluster cluster) {
    processes.heal(cluster);
  }

  @Override
  public Optional<FlinkRestClient> rest(ResolvedCluster cluster) {
    return restPort(cluster).map(port -> new HttpFlinkRestClient(URI.create("http://" + HOST + ":" + port),
        Duration.ofSeconds(10)));
  }

  @Override
  public Optional<String> restUrl(ResolvedCluster cluster) {
    return processes.record(cluster.name()).filter(r -> !r.jobManagers().isEmpty())
        .map(r -> "http://localhost:" + r.jobManagers().get(0).rest());
  }

  @Override
  public Optional<String> defaultSavepointDir(ResolvedCluster cluster) {
    return Optional.of(layout.state(cluster.name()).resolve("savepoints").toUri().toString());
  }

  /** The REST port of a live JobManager that answers; with HA any of them serves the leader's API. */
  private Optional<Integer> restPort(ResolvedCluster cluster) {
    Optional<ProcessRecord> record = processes.record(cluster.name());
    if (record.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < record.get().jobManagers().size(); i++) {
      int port = record.get().jobManagers().get(i).rest();
      if (processes.alive(cluster.name(), ProcessRecord.jobManagerRole(i)) && accepts(port)) {
        return Optional.of(port);
      }
    }
    return Optional.empty();
  }

  /** The user's configuration keys a local run had to change (addresses, ports, non-local storage), and how. */
  @SuppressWarnings("unchecked")
  public java.util.List<String> localChanges(String cluster) {
    return Yaml.read(layout.cluster(cluster).resolve("local-changes.yaml"), java.util.List.class)
        .orElse(java.util.List.of());
  }

  /** Kills one process, for failure drills (flinkctl kill, tests). */
  public boolean kill(String cluster, String role) {
    Optional<FlinkProcess> p = processes.find(cluster, role);
    p.ifPresent(FlinkProcess::kill);
    return p.isPresent();
  }

  static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, port), 300);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  static PlatformException failure(String message, Throwable cause) {
    return new PlatformException(message, cause);
  }
}
