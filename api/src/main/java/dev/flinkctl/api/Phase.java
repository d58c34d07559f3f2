package dev.flinkctl.api;

/** Where a FlinkCluster is in its life, as shown by {@code kubectl get flinkclusters}. */
public enum Phase {
  /** Accepted, nothing deployed yet. */
  Pending,
  /** Objects created or processes started; waiting for JobManagers, TaskManagers or the job. */
  Deploying,
  /** Everything the spec asks for is up (and the job is running, for application clusters). */
  Running,
  /** A job upgrade or rescale is in progress. */
  Upgrading,
  /** The job is stopped with a savepoint, as {@code job.state: suspended} asks. */
  Suspended,
  /** The job or the cluster failed and needs attention; conditions say why. */
  Failed,
  /** The spec breaks a validation rule and was not applied; the ConfigValid condition says which. */
  Invalid
}
