package dev.flinkctl.control;

import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.model.ResolvedCluster;
import java.util.Optional;

/**
 * Where JobManagers and TaskManagers run: Kubernetes objects, or processes on this machine.
 * The control loop decides; a platform only starts, scales, stops and reports.
 */
public interface Platform {
  Deployment observe(ResolvedCluster cluster);

  /** Makes the cluster run {@code plan}: starts it, or replaces what runs when the revision differs. */
  void deploy(Plan plan);

  /** Changes the number of TaskManagers of the deployed plan, without restarting JobManagers. */
  void scaleTaskManagers(ResolvedCluster cluster, int replicas);

  /** Stops JobManagers and TaskManagers, keeping checkpoints, savepoints and HA data. */
  void tearDown(ResolvedCluster cluster);

  /** A client for the cluster's REST endpoint, once one is known. */
  Optional<FlinkRestClient> rest(ResolvedCluster cluster);

  /** The URL users open for the web UI. */
  Optional<String> restUrl(ResolvedCluster cluster);

  /** Where savepoints go when the configuration names no directory; empty when there is no safe default. */
  Optional<String> defaultSavepointDir(ResolvedCluster cluster);
}
