package dev.flinkctl.control;

import dev.flinkctl.api.Conditions;
import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.control.rest.FlinkRestException;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.InvalidSpecException;
import dev.flinkctl.model.ResolvedCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One step of the control loop, the same on every platform: observe, validate, decide, record
 * the decision in status, act. Returns when to look again.
 */
public final class Reconciler {
  static final Duration BUSY = Duration.ofSeconds(1);
  static final Duration STEADY = Duration.ofSeconds(5);
  static final Duration INVALID = Duration.ofMinutes(5);

  private final Platform platform;
  private final Clock clock;
  private final Supplier<String> triggerIds;
  private final Autoscaling autoscaling;

  public Reconciler(Platform platform, Clock clock, Supplier<String> triggerIds) {
    this(platform, clock, triggerIds, null);
  }

  /** @param autoscaling runs spec.autoscaler; null where capacity cannot be written back */
  public Reconciler(Platform platform, Clock clock, Supplier<String> triggerIds, Autoscaling autoscaling) {
    this.platform = platform;
    this.clock = clock;
    this.triggerIds = triggerIds;
    this.autoscaling = autoscaling;
  }

  /** What a step did: the status now recorded, the action taken and when to run the next step. */
  public record Step(FlinkClusterStatus status, Action action, Duration next) {}

  public Step reconcile(FlinkCluster resource, FlinkClusterStatus current, StatusWriter writer) {
    Instant now = clock.instant();
    FlinkClusterStatus status = current == null ? FlinkClusterStatus.initial() : current;
    long generation = resource.getMetadata().getGeneration() == null ? 0 : resource.getMetadata().getGeneration();
    ClusterResolver.Result resolved = ClusterResolver.resolve(resource);
    if (resolved.cluster() == null) {
      return invalid(status, resolved.findings().stream().filter(Finding::isError).map(Finding::oneLine)
          .collect(Collectors.joining("; ")), generation, now, writer);
    }
    ResolvedCluster cluster = resolved.cluster();
    Observation obs = Observer.observe(platform, cluster, status);
    FlinkClusterStatus refreshed = StatusRefresh.apply(status, cluster, obs, platform.restUrl(cluster).orElse(null),
        generation, now);
    Decision decision = Decider.decide(new DecisionInput(resource, cluster, refreshed, obs,
        savepointDir(cluster), now, triggerIds));
    FlinkClusterStatus recorded = decision.status();
    if (!recorded.equals(current)) {
      writer.write(recorded);
    }
    try {
      act(cluster, decision.action());
    } catch (InvalidSpecException e) {
      return invalid(recorded, e.getMessage(), generation, now, writer);
    } catch (FlinkRestException | PlatformException e) {
      // A deployment that cannot start is a failure the user must see; the next step tries again.
      FlinkClusterStatus failed = (decision.action() instanceof Action.Deploy ? recorded.withPhase(Phase.Failed) : recorded)
          .withReconciliation(recorded.reconciliationOrEmpty().withError(e.getMessage()));
      writer.write(failed);
      return new Step(failed, decision.action(), STEADY);
    }
    boolean busy = !(decision.action() instanceof Action.Wait w) || !w.reason().equals("steady")
        || recorded.phase() != Phase.Running;
    Duration next = busy ? BUSY : STEADY;
    if (!busy && autoscaling != null) {
      recorded = autoscaling.step(resource, cluster, recorded, platform, now, writer);
      next = Autoscaling.interval(resource).filter(i -> i.compareTo(STEADY) < 0).orElse(STEADY);
    }
    return new Step(recorded, decision.action(), next);
  }

  private String savepointDir(ResolvedCluster c) {
    String configured = c.flinkConfiguration().get(ConfigKeys.SAVEPOINT_DIR);
    return configured != null ? configured : platform.defaultSavepointDir(c).orElse(null);
  }

  private void act(ResolvedCluster cluster, Action action) {
    if (action instanceof Action.Deploy d) {
      platform.deploy(d.plan());
    } else if (action instanceof Action.Scale s) {
      platform.scaleTaskManagers(cluster, s.taskManagers());
    } else if (action instanceof Action.SetParallelism p) {
      rest(cluster).updateResourceRequirements(p.jobId(), p.vertices());
    } else if (action instanceof Action.TearDown) {
      platform.tearDown(cluster);
    } else if (action instanceof Action.TriggerSavepoint t) {
      rest(cluster).triggerSavepoint(t.jobId(), t.directory(), false, t.triggerId());
    } else if (action instanceof Action.StopWithSavepoint s) {
      rest(cluster).stopWithSavepoint(s.jobId(), s.directory(), false, s.triggerId());
    } else if (action instanceof Action.Cancel c) {
      rest(cluster).cancel(c.jobId());
    }
  }

  private FlinkRestClient rest(ResolvedCluster cluster) {
    return platform.rest(cluster).orElseThrow(() -> new PlatformException("no REST endpoint for " + cluster.name()));
  }

  private static Step invalid(FlinkClusterStatus status, String message, long generation, Instant now,
      StatusWriter writer) {
    FlinkClusterStatus s = status.withObservedGeneration(generation).withPhase(Phase.Invalid)
        .withConditions(ConditionSet.set(status.conditions(), Conditions.CONFIG_VALID, false, "Invalid", message,
            generation, now));
    if (!s.equals(status)) {
      writer.write(s);
    }
    return new Step(s, new Action.Wait(message), INVALID);
  }
}
