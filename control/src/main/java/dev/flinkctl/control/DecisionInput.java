package dev.flinkctl.control;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.model.ResolvedCluster;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Everything a decision depends on, passed in so that deciding is a pure function.
 *
 * @param savepointDir where savepoints go, or null when nothing says (then savepoints cannot be taken)
 * @param newTriggerId a fresh savepoint trigger id, used only when a new operation starts
 */
public record DecisionInput(FlinkCluster resource, ResolvedCluster cluster, FlinkClusterStatus status,
    Observation observation, String savepointDir, Instant now, Supplier<String> newTriggerId) {

  public long generation() {
    Long g = resource.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }
}
