package dev.flinkctl.model;

/**
 * What a run on this machine must decide for itself: loopback addresses, ports that are free
 * here, state directories on the local disk, and the local ZooKeeper for HA.
 *
 * @param zooKeeperQuorum null without HA
 * @param stateDir file URI of the cluster's local state directory (checkpoints, savepoints, ha below it)
 * @param tmpDir plain path for Flink's working files (uploads, spills), kept inside the cluster's directory
 */
public record LocalSettings(String host, int restPort, int jobManagerRpcPort, int blobPort, String metricsPorts,
    String zooKeeperQuorum, String stateDir, String tmpDir) {}
