package dev.flinkctl.api;

/** Names of the objects made for one FlinkCluster; every platform and tool derives them here. */
public final class ResourceNames {
  private ResourceNames() {}

  public static String config(String cluster) {
    return cluster + "-config";
  }

  public static String jobManager(String cluster) {
    return cluster + "-jobmanager";
  }

  public static String taskManager(String cluster) {
    return cluster + "-taskmanager";
  }

  /** The REST and web UI service. */
  public static String rest(String cluster) {
    return cluster + "-rest";
  }

  /** The RPC and blob service TaskManagers reach the JobManager through. */
  public static String rpc(String cluster) {
    return cluster + "-jobmanager";
  }

  public static String serviceAccount(String cluster) {
    return cluster + "-flink";
  }

  /** Role and RoleBinding that let Flink keep its HA state in ConfigMaps. */
  public static String haRole(String cluster) {
    return cluster + "-ha";
  }

  public static String jobManagerDisruptionBudget(String cluster) {
    return cluster + "-jobmanager";
  }

  /** The Kubernetes HA cluster id; Flink prefixes its HA ConfigMaps with it. */
  public static String haClusterId(String cluster) {
    return cluster;
  }
}
