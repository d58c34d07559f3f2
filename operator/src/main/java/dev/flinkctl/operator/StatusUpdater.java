package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.control.StatusWriter;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;

/**
 * Writes the control loop's status to the status subresource, before the loop acts (write-ahead).
 * The write is a PUT carrying the resource version, and the result goes into JOSDK's cache, so the
 * next reconcile decides from what was recorded rather than from a watch event still in flight.
 * The loop calls this only when status changed, so a quiet cluster causes no writes.
 */
final class StatusUpdater implements StatusWriter {
  private final Context<FlinkCluster> context;
  private FlinkCluster latest;
  private int writes;

  StatusUpdater(FlinkCluster resource, Context<FlinkCluster> context) {
    this.latest = resource;
    this.context = context;
  }

  @Override
  public void write(FlinkClusterStatus status) {
    latest = PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(latest, context, r -> {
      r.setStatus(status);
      return r;
    });
    writes++;
  }

  int writes() {
    return writes;
  }
}
