package dev.flinkctl.cli;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.RescaleStatus;
import dev.flinkctl.api.TaskManagerSpec;
import dev.flinkctl.local.BackgroundSupervisor;
import dev.flinkctl.model.ResolvedCluster;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scale", description = {"Change the number of TaskManagers of a local cluster; an application job's",
    "parallelism follows (replicas x slots, capped by a pinned parallelism and max parallelism)."})
final class ScaleCommand implements Callable<Integer> {
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME")
  String name;

  @Option(names = "--replicas", required = true, paramLabel = "N", description = "TaskManagers wanted.")
  int replicas;

  @Option(names = "--no-wait", description = "Return once the change is recorded, without waiting for the rescale.")
  boolean noWait;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (replicas < 0) {
      throw new UserException("--replicas must be 0 or more, not " + replicas);
    }
    LocalContext local = new LocalContext(spec.commandLine().getErr());
    ResolvedCluster before = local.resolved(name);
    if (before.taskManager().replicas() == replicas) {
      out.println(name + ": already at " + replicas + " TaskManager(s)");
      return 0;
    }
    if (local.store.cluster(name).map(c -> c.getSpec().autoscaler() != null
        && !Boolean.FALSE.equals(c.getSpec().autoscaler().enabled())).orElse(false)) {
      out.println(name + ": note: the autoscaler is on and may change this again (spec.autoscaler)");
    }
    Instant asked = Instant.now();
    local.store.patch(name, s -> s.withTaskManager(Objects.requireNonNullElse(s.taskManager(),
        new TaskManagerSpec(null, null, null, null)).withReplicas(replicas)));
    out.println(name + ": TaskManagers " + before.taskManager().replicas() + " -> " + replicas);
    out.flush();
    return noWait ? 0 : await(local, before, asked, out);
  }

  /** Follows status until the TaskManagers run and, for a job, the rescale is done; says how it went. */
  private int await(LocalContext local, ResolvedCluster before, Instant asked, PrintWriter out) {
    boolean background = BackgroundSupervisor.find(local.layout, name).isPresent();
    Instant deadline = Instant.now().plus(TIMEOUT);
    String said = null;
    while (Instant.now().isBefore(deadline)) {
      FlinkClusterStatus s = background ? local.store.status(name).orElseThrow() : local.supervisor.step(name).status();
      RescaleStatus r = ours(s.rescale(), asked);
      String line = r == null ? null : "parallelism " + r.fromParallelism() + " -> " + r.toParallelism() + " ("
          + r.method() + ": " + r.reason() + ")";
      if (line != null && !line.equals(said)) {
        out.println(name + ": " + line);
        out.flush();
        said = line;
      }
      boolean tmsReady = s.taskManager() != null && Objects.equals(s.taskManager().readyReplicas(), replicas);
      if (tmsReady && (!before.isApplication() || r != null && !r.inProgress())) {
        out.println(name + ": done" + (r == null || r.message() == null ? "" : ": " + r.message()));
        return 0;
      }
      UpCommand.sleep(Duration.ofMillis(500));
    }
    throw new UserException(name + ": not rescaled within " + TIMEOUT.toMinutes() + " minutes; see flinkctl status "
        + name);
  }

  private static RescaleStatus ours(RescaleStatus r, Instant asked) {
    return r == null || Instant.parse(r.startedAt()).isBefore(asked.minusSeconds(1)) ? null : r;
  }
}
