package dev.flinkctl.model.kubernetes;

import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.EffectiveConfig;
import dev.flinkctl.model.Finding;
import java.util.List;

/** The ports the pods listen on, read back from the effective configuration the user may have changed. */
record Ports(int jobManagerRpc, int blob, int rest, int taskManagerRpc, int metrics) {

  static Ports from(EffectiveConfig config, List<Finding> problems) {
    return new Ports(
        port(config, ConfigKeys.JM_RPC_PORT, problems),
        port(config, ConfigKeys.BLOB_PORT, problems),
        port(config, ConfigKeys.REST_PORT, problems),
        port(config, ConfigKeys.TM_RPC_PORT, problems),
        port(config, ConfigKeys.PROM_PORT, problems));
  }

  private static int port(EffectiveConfig config, String key, List<Finding> problems) {
    String value = config.get(key);
    // A range such as 9249-9259 is fine for Flink; in a pod the first port is the one taken.
    String first = value.contains("-") ? value.substring(0, value.indexOf('-')) : value;
    try {
      int port = Integer.parseInt(first.trim());
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(Finding.error("port", "spec.flinkConfiguration." + key,
        "'" + value + "' is not a fixed port; Kubernetes Services and probes need one",
        "set a single port between 1 and 65535, or remove the key to use the default"));
    return 1;
  }
}
