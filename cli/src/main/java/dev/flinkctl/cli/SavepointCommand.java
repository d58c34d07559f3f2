package dev.flinkctl.cli;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.SessionJob;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.local.BackgroundSupervisor;
import dev.flinkctl.local.SessionJobs;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.ResolvedCluster;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "savepoint", description = "Take a savepoint of a local cluster's job(s) now; the job keeps running.")
final class SavepointCommand implements Callable<Integer> {
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalContext local = new LocalContext(spec.commandLine().getErr());
    ResolvedCluster c = local.resolved(name);
    return c.isApplication() ? application(local, out) : session(local, c, out);
  }

  /** Bumps the trigger nonce, as kubectl would on Kubernetes, and lets the control loop take it. */
  private int application(LocalContext local, PrintWriter out) {
    int before = count(local.store.status(name).orElse(FlinkClusterStatus.initial()));
    local.store.patch(name, spec -> spec.withJob(spec.job().withSavepointTriggerNonce(
        Objects.requireNonNullElse(spec.job().savepointTriggerNonce(), 0L) + 1)));
    boolean background = BackgroundSupervisor.find(local.layout, name).isPresent();
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      FlinkClusterStatus s = background ? local.store.status(name).orElseThrow() : local.supervisor.step(name).status();
      if (count(s) > before) {
        out.println(name + ": savepoint " + s.savepoints().get(s.savepoints().size() - 1).location());
        return 0;
      }
      String error = s.reconciliationOrEmpty().lastError();
      if (error != null && error.contains("savepoint failed")) {
        throw new UserException(name + ": " + error);
      }
      UpCommand.sleep(Duration.ofMillis(300));
    }
    throw new UserException(name + ": no savepoint within " + TIMEOUT.toMinutes() + " minutes; see flinkctl status " + name);
  }

  private int session(LocalContext local, ResolvedCluster c, PrintWriter out) {
    FlinkRestClient rest = local.platform.rest(c).orElseThrow(() -> new UserException(name + " is not running"));
    String dir = c.flinkConfiguration().getOrDefault(ConfigKeys.SAVEPOINT_DIR,
        local.platform.defaultSavepointDir(c).orElseThrow());
    FlinkClusterStatus s = local.store.status(name).orElse(FlinkClusterStatus.initial());
    int taken = 0;
    for (SessionJob job : s.sessionJobs() == null ? java.util.List.<SessionJob>of() : s.sessionJobs()) {
      if ("RUNNING".equals(job.state())) {
        out.println(name + ": job " + job.id() + " savepoint " + SessionJobs.savepoint(rest, job.id(), dir, false));
        taken++;
      }
    }
    if (taken == 0) {
      throw new UserException(name + " has no running job to take a savepoint of");
    }
    return 0;
  }

  private static int count(FlinkClusterStatus s) {
    return s.savepoints() == null ? 0 : s.savepoints().size();
  }
}
