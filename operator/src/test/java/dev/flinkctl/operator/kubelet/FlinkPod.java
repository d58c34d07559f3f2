package dev.flinkctl.operator.kubelet;

import dev.flinkctl.local.process.Entrypoints;
import dev.flinkctl.local.process.FlinkDistribution;
import dev.flinkctl.local.process.FlinkProcess;
import dev.flinkctl.local.process.LaunchSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One "pod": the Flink process the container of a rendered Deployment would run, started locally
 * from the same image entrypoint arguments and the same mounted config file. Only what ties a pod
 * to a Kubernetes network is replaced: addresses become loopback, ports the cluster's
 * {@link ServicePorts} or free ones.
 */
final class FlinkPod {
  static final String LOOPBACK = "127.0.0.1";
  static final Duration GRACE = Duration.ofSeconds(15);

  final String name;
  final boolean jobManager;
  private final ServicePorts service;
  private final FlinkProcess process;

  private FlinkPod(String name, boolean jobManager, ServicePorts service, FlinkProcess process) {
    this.name = name;
    this.jobManager = jobManager;
    this.service = service;
    this.process = process;
  }

  /**
   * @param home this pod's own FLINK_HOME (conf/ from the ConfigMap, usrlib/ from the "image", log/)
   * @param usrlib the jars the image would hold in /opt/flink/usrlib
   */
  static FlinkPod start(String name, Container container, ConfigMap config, ServicePorts service,
      FlinkDistribution dist, Path home, List<Path> usrlib) {
    try {
      Path conf = Files.createDirectories(home.resolve("conf"));
      for (Map.Entry<String, String> file : config.getData().entrySet()) {
        Files.writeString(conf.resolve(file.getKey()), file.getValue());
      }
      Path lib = Files.createDirectories(home.resolve("usrlib"));
      for (Path jar : usrlib) {
        Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      List<String> imageArgs = container.getArgs().stream().map(a -> a.replace("$(POD_IP)", LOOPBACK)).toList();
      String command = imageArgs.get(0);
      boolean jm = !command.equals("taskmanager");
      String main = switch (command) {
        case "standalone-job" -> Entrypoints.APPLICATION_JOBMANAGER;
        case "jobmanager" -> Entrypoints.SESSION_JOBMANAGER;
        case "taskmanager" -> Entrypoints.TASKMANAGER;
        default -> throw new IllegalArgumentException("not a Flink image command: " + command);
      };
      List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
      // Before the image's own arguments: a -D the operator renders there (an HA address) still wins.
      overrides(jm, name, service).forEach((k, v) -> args.addAll(List.of("-D", k + "=" + v)));
      args.addAll(imageArgs.subList(1, imageArgs.size()));
      FlinkProcess p = FlinkProcess.start(new LaunchSpec(name, dist, home, main, args,
          List.of(), LaunchSpec.defaultLogFile(home, name)));
      return new FlinkPod(name, jm, service, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rendered config names Services and fixed container ports; one host needs loopback and distinct ports. */
  static Map<String, String> overrides(boolean jobManager, String pod, ServicePorts service) {
    Map<String, String> o = new TreeMap<>();
    o.put("jobmanager.rpc.address", LOOPBACK);
    o.put("jobmanager.rpc.port", Integer.toString(service.rpc()));
    o.put("metrics.reporter.prom.port", "9250-9350");
    if (jobManager) {
      o.put("jobmanager.bind-host", LOOPBACK);
      o.put("rest.address", LOOPBACK);
      o.put("rest.bind-address", LOOPBACK);
      o.put("rest.port", Integer.toString(service.rest()));
      o.put("blob.server.port", Integer.toString(service.blob()));
    } else {
      o.put("taskmanager.host", LOOPBACK);
      o.put("taskmanager.bind-host", LOOPBACK);
      o.put("taskmanager.rpc.port", "0");
      o.put("taskmanager.data.port", "0");
      o.put("taskmanager.resource-id", pod);
    }
    return o;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The readiness probes the model renders: a JobManager when its REST port accepts connections. */
  boolean ready() {
    if (!alive()) {
      return false;
    }
    if (!jobManager) {
      return true;
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(LOOPBACK, service.rest()), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  void stop() {
    process.stop(GRACE);
  }

  String logTail() {
    return process.tailLog(40);
  }
}
