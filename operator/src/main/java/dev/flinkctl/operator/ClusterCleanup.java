package dev.flinkctl.operator;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.Labels;
import dev.flinkctl.api.ResourceNames;
import dev.flinkctl.control.rest.FlinkApiException;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.FlinkRestException;
import dev.flinkctl.control.rest.SavepointStatus;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.ResolvedCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The finalizer's work when a FlinkCluster is deleted: a savepoint if the annotation asks for one,
 * then every labelled object, then, once no Flink pod is left to write them again, Flink's HA
 * ConfigMaps. Bounded: after the timeout the finalizer is removed whatever is left, with an Event
 * saying so, because a hung delete blocks namespace deletion and reinstalls.
 */
final class ClusterCleanup {
  /** Set to "true" to stop an application job with a savepoint before the cluster goes. */
  static final String SAVEPOINT_ON_DELETE = "flink.apache.org/savepoint-on-delete";
  static final long POLL_MILLIS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(ClusterCleanup.class);

  private final Duration timeout;
  private final Clock clock;
  private final EventRecorder events;
  private final RestEndpoints rest;

  ClusterCleanup(Duration timeout, Clock clock, EventRecorder events, RestEndpoints rest) {
    this.timeout = timeout;
    this.clock = clock;
    this.events = events;
    this.rest = rest;
  }

  DeleteControl cleanup(FlinkCluster r, KubernetesClient client) {
    String ns = r.getMetadata().getNamespace();
    String name = r.getMetadata().getName();
    String deleted = r.getMetadata().getDeletionTimestamp();
    Instant deadline = (deleted == null ? clock.instant() : Instant.parse(deleted)).plus(timeout);
    if (clock.instant().isAfter(deadline)) {
      events.record(r, new DecisionEvents.Note(DecisionEvents.WARNING, "CleanupTimedOut",
          "cleanup did not finish within " + timeout + "; removed the finalizer anyway. Check for leftover pods and "
              + "ConfigMaps named " + ResourceNames.haClusterId(name) + "-*"));
      return DeleteControl.defaultDelete();
    }
    boolean running = client.apps().deployments().inNamespace(ns).withName(ResourceNames.jobManager(name)).get() != null;
    if (running && savepointPending(r)) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(POLL_MILLIS);
    }
    new ClusterObjects(client).deleteAll(ns, name);
    int pods = client.pods().inNamespace(ns).withLabel(Labels.INSTANCE, name).withLabel(Labels.NAME, Labels.APP)
        .list().getItems().size();
    if (pods > 0) {
      LOG.info("{}/{}: waiting for {} Flink pods to stop before removing HA data", ns, name, pods);
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(POLL_MILLIS);
    }
    int removed = HaConfigMaps.delete(client, ns, ResourceNames.haClusterId(name));
    LOG.info("{}/{}: deleted, with {} HA ConfigMaps", ns, name, removed);
    Optional.ofNullable(ClusterResolver.resolve(r).cluster()).ifPresent(rest::forget);
    return DeleteControl.defaultDelete();
  }

  /** True while a requested savepoint is still being taken; any failure lets deletion go on. */
  private boolean savepointPending(FlinkCluster r) {
    Map<String, String> annotations = r.getMetadata().getAnnotations();
    ResolvedCluster c = ClusterResolver.resolve(r).cluster();
    String jobId = r.getStatus() == null || r.getStatus().job() == null ? null : r.getStatus().job().id();
    if (annotations == null || !"true".equals(annotations.get(SAVEPOINT_ON_DELETE)) || c == null || jobId == null) {
      return false;
    }
    String dir = c.flinkConfiguration().get(ConfigKeys.SAVEPOINT_DIR);
    if (dir == null) {
      dir = KubernetesPlatform.defaultSavepointDir(c.flinkConfiguration()).orElse(null);
    }
    if (dir == null) {
      warn(r, "SavepointSkipped", "no savepoint directory: set " + ConfigKeys.SAVEPOINT_DIR);
      return false;
    }
    // One trigger id per resource: a retried cleanup asks about the same savepoint instead of starting another.
    String trigger = r.getMetadata().getUid().replace("-", "");
    FlinkRestClient flink = rest.client(c);
    try {
      SavepointStatus status = flink.savepointStatus(jobId, trigger);
      if (status.isInProgress()) {
        return true;
      }
      if (status.isSuccessful()) {
        events.record(r, new DecisionEvents.Note(DecisionEvents.NORMAL, "SavepointCompleted",
            "savepoint before deletion: " + status.location()));
      } else {
        warn(r, "SavepointFailed", "savepoint before deletion failed: " + status.failureCause());
      }
      return false;
    } catch (FlinkApiException e) {
      if (!e.isNotFound()) {
        warn(r, "SavepointSkipped", "Flink refused the savepoint: " + e.getMessage());
        return false;
      }
    } catch (FlinkRestException e) {
      warn(r, "SavepointSkipped", "Flink is not reachable: " + e.getMessage());
      return false;
    }
    try {
      flink.stopWithSavepoint(jobId, dir, false, trigger);
      return true;
    } catch (FlinkRestException e) {
      warn(r, "SavepointSkipped", "stop-with-savepoint was refused: " + e.getMessage());
      return false;
    }
  }

  private void warn(FlinkCluster r, String reason, String message) {
    events.record(r, new DecisionEvents.Note(DecisionEvents.WARNING, reason, message));
  }
}
