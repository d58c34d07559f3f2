package dev.flinkctl.operator.kubelet;

import dev.flinkctl.local.process.FreePorts;
import java.util.List;

/**
 * What the JobManager Services give a cluster in Kubernetes: fixed addresses that outlive any one
 * JobManager pod. Here they are loopback ports picked once per cluster, so TaskManagers and the
 * operator keep reaching the JobManager across a Recreate rollout.
 */
public record ServicePorts(int rest, int rpc, int blob) {
  static ServicePorts pick() {
    List<Integer> ports = FreePorts.pick(3);
    return new ServicePorts(ports.get(0), ports.get(1), ports.get(2));
  }
}
