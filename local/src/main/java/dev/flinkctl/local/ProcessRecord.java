package dev.flinkctl.local;

import java.util.List;

/**
 * What the local platform runs for one cluster, on disk so that a later flinkctl invocation can
 * find and stop it.
 *
 * @param revision the plan revision these processes run
 * @param jobManagers one entry per JobManager, with its own ports
 * @param zooKeeper the HA ZooKeeper's connect string, or null
 */
public record ProcessRecord(String revision, String flinkVersion, List<JobManagerPorts> jobManagers,
    int taskManagers, String zooKeeper, String metricsPorts, List<String> failures) {

  public ProcessRecord {
    jobManagers = jobManagers == null ? List.of() : List.copyOf(jobManagers);
    failures = failures == null ? List.of() : List.copyOf(failures);
  }

  public record JobManagerPorts(int rest, int rpc, int blob) {}

  public ProcessRecord withTaskManagers(int n) {
    return new ProcessRecord(revision, flinkVersion, jobManagers, n, zooKeeper, metricsPorts, failures);
  }

  public ProcessRecord withFailures(List<String> f) {
    return new ProcessRecord(revision, flinkVersion, jobManagers, taskManagers, zooKeeper, metricsPorts, f);
  }

  public static String jobManagerRole(int i) {
    return "jobmanager-" + i;
  }

  public static String taskManagerRole(int i) {
    return "taskmanager-" + i;
  }
}
