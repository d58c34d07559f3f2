package dev.flinkctl.control;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.KafkaLagSpec;
import dev.flinkctl.api.Phase;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.control.autoscale.Autoscaler;
import dev.flinkctl.control.autoscale.AutoscalerPolicy;
import dev.flinkctl.control.autoscale.KafkaLag;
import dev.flinkctl.control.autoscale.MetricHistory;
import dev.flinkctl.control.autoscale.MetricSample;
import dev.flinkctl.control.autoscale.MetricsSampler;
import dev.flinkctl.control.autoscale.ScalingDecision;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.FlinkRestException;
import dev.flinkctl.model.ResolvedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in autoscaler beside the control loop. It only sets the desired TaskManager count,
 * through the field kubectl scale, HPA and KEDA set, so the rescale itself takes the one path
 * every capacity change takes ({@link Rescaling}). Metric histories live in memory, per cluster:
 * a restarted controller waits a window before it acts, the safe side.
 */
public final class Autoscaling {
  /** Sets spec.taskManager.replicas: the custom resource on Kubernetes, the stored spec locally. */
  @FunctionalInterface
  public interface CapacityWriter {
    void setReplicas(FlinkCluster resource, int replicas);
  }

  /** Flink's default max parallelism for small jobs; the cap when the configuration sets none. */
  static final int DEFAULT_MAX_PARALLELISM = 128;

  private final CapacityWriter capacity;
  private final Map<String, MetricHistory> histories = new ConcurrentHashMap<>();
  private final Map<String, KafkaLag> lags = new ConcurrentHashMap<>();
  private final Map<String, Instant> postponedSince = new ConcurrentHashMap<>();

  public Autoscaling(CapacityWriter capacity) {
    this.capacity = capacity;
  }

  /** How often a steady cluster with an autoscaler needs a step: its metrics interval. */
  public static Optional<Duration> interval(FlinkCluster resource) {
    return resource.getSpec().job() == null || resource.getSpec().autoscaler() == null ? Optional.empty()
        : AutoscalerPolicy.of(resource.getSpec().autoscaler()).map(AutoscalerPolicy::metricsInterval);
  }

  /**
   * Samples when due, decides, and on a change records the decision in status before setting the
   * replicas. Returns the status as it now is.
   */
  FlinkClusterStatus step(FlinkCluster resource, ResolvedCluster c, FlinkClusterStatus status, Platform platform,
      Instant now, StatusWriter writer) {
    String key = key(c.namespace(), c.name());
    Optional<AutoscalerPolicy> policy = c.isApplication() && resource.getSpec().autoscaler() != null
        ? AutoscalerPolicy.of(resource.getSpec().autoscaler()) : Optional.empty();
    if (policy.isEmpty()) {
      histories.remove(key);
      lag(key, null);
      return status;
    }
    MetricHistory history = histories.compute(key,
        (k, h) -> h == null || !h.policy().equals(policy.get()) ? new MetricHistory(policy.get()) : h);
    Optional<FlinkRestClient> rest = platform.rest(c);
    if (!jobRunning(status) || rest.isEmpty()) {
      return status;
    }
    try {
      if (history.due(now)) {
        MetricSample sample = new MetricsSampler(rest.get()).sample(status.job().id(), now);
        KafkaLag kafka = lag(key, resource.getSpec().autoscaler().kafka());
        if (kafka != null) {
          KafkaLag.Reading reading = kafka.read();
          sample = sample.withKafkaLag(reading.lag(), reading.partitions());
        }
        history.add(sample);
      }
      ScalingDecision d = Autoscaler.decide(policy.get(), history.samples(), c.taskManager().replicas(),
          c.taskManager().slots(), maxParallelism(c), lastRescaleEnd(status), rescaling(status), now);
      if (!d.changes()) {
        postponedSince.remove(key);
        return status;
      }
      if (postpone(key, rest.get(), status.job().id(), policy.get(), now)) {
        return status;
      }
      postponedSince.remove(key);
      FlinkClusterStatus decided = status.withAutoscaler(d.toStatus());
      writer.write(decided);
      capacity.setReplicas(resource, d.toReplicas());
      return decided;
    } catch (FlinkRestException | IllegalStateException e) {
      return status; // no sample this time; the windows simply see fewer
    }
  }

  /**
   * Drops what was kept for a deleted cluster: its history, and its Kafka client, which holds
   * connections and a thread. A cluster created again under the name starts afresh.
   */
  public void forget(FlinkCluster resource) {
    String key = key(resource.getMetadata().getNamespace(), resource.getMetadata().getName());
    histories.remove(key);
    postponedSince.remove(key);
    lag(key, null);
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** The Kafka reader for this cluster's spec, reopened when the spec changes; null when lag comes from Flink. */
  private KafkaLag lag(String key, KafkaLagSpec spec) {
    KafkaLag current = lags.get(key);
    if (current != null && current.spec().equals(spec)) {
      return current;
    }
    if (current != null) {
      lags.remove(key).close();
    }
    if (spec == null) {
      return null;
    }
    KafkaLag created = new KafkaLag(spec);
    lags.put(key, created);
    return created;
  }

  /**
   * A rescale now would drop the checkpoint Flink is taking, so wait for it; but a job under
   * backpressure is seldom without one, so not for longer than two metric intervals.
   */
  private boolean postpone(String key, FlinkRestClient rest, String jobId, AutoscalerPolicy policy, Instant now) {
    Instant since = postponedSince.computeIfAbsent(key, k -> now);
    boolean waitedEnough = !now.isBefore(since.plus(policy.metricsInterval().multipliedBy(2)));
    return !waitedEnough && checkpointInFlight(rest, jobId);
  }

  private static boolean jobRunning(FlinkClusterStatus s) {
    return s.phase() == Phase.Running && s.job() != null && "RUNNING".equals(s.job().state());
  }

  private static boolean rescaling(FlinkClusterStatus s) {
    return s.reconciliationOrEmpty().operation() != null || s.rescale() != null && s.rescale().inProgress();
  }

  private static boolean checkpointInFlight(FlinkRestClient rest, String jobId) {
    return rest.checkpoints(jobId).counts().inProgress() > 0;
  }

  private static Instant lastRescaleEnd(FlinkClusterStatus s) {
    RescaleStatus r = s.rescale();
    return r == null || r.completedAt() == null ? null : Instant.parse(r.completedAt());
  }

  private static int maxParallelism(ResolvedCluster c) {
    String configured = c.flinkConfiguration().get(ParallelismTarget.MAX_PARALLELISM);
    try {
      return configured == null ? DEFAULT_MAX_PARALLELISM : Integer.parseInt(configured.trim());
    } catch (NumberFormatException e) {
      return DEFAULT_MAX_PARALLELISM;
    }
  }
}
