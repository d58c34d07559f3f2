package dev.flinkctl.cli;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.JobStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.control.rest.FlinkRestClient;
import dev.flinkctl.local.BackgroundSupervisor;
import dev.flinkctl.local.SessionJobs;
import dev.flinkctl.model.ConfigKeys;
import dev.flinkctl.model.ResolvedCluster;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "down", description = {"Stop a local cluster; its state directory stays for the next up.",
    "With --savepoint, jobs stop with a savepoint first and the next up restores them from it."})
final class DownCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME")
  String name;

  @Option(names = "--savepoint", description = "Stop the job(s) with a savepoint before stopping the processes.")
  boolean savepoint;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalContext local = new LocalContext(spec.commandLine().getErr());
    ResolvedCluster c = local.resolved(name);
    BackgroundSupervisor.stop(local.layout, name);
    if (savepoint) {
      stopWithSavepoints(local, c, out);
    }
    local.platform.tearDown(c);
    local.store.status(name).ifPresent(s -> local.store.writeStatus(name, s.withReplicas(
        dev.flinkctl.api.ComponentStatus.of(c.jobManager().replicas(), 0, 0),
        dev.flinkctl.api.ComponentStatus.Scalable.of(c.taskManager().replicas(), 0, 0,
            s.taskManager() == null ? null : s.taskManager().selector()))));
    out.println(name + ": stopped (state kept in " + local.layout.cluster(name) + ")");
    return 0;
  }

  private void stopWithSavepoints(LocalContext local, ResolvedCluster c, PrintWriter out) {
    String dir = c.flinkConfiguration().getOrDefault(ConfigKeys.SAVEPOINT_DIR,
        local.platform.defaultSavepointDir(c).orElseThrow());
    FlinkRestClient rest = local.platform.rest(c)
        .orElseThrow(() -> new UserException(name + " has no JobManager answering; down without --savepoint stops it"));
    if (!c.isApplication()) {
      new SessionJobs(local.store, local.platform).stopAllWithSavepoint(c, dir)
          .forEach(j -> out.println(name + ": job " + j.id() + " stopped with savepoint " + j.savepoint()));
      return;
    }
    FlinkClusterStatus s = local.store.status(name).orElseThrow();
    String jobId = s.job().id();
    String location = SessionJobs.savepoint(rest, jobId, dir, true);
    JobStatus.SavepointInfo info = new JobStatus.SavepointInfo(location, Instant.now().toString(), null);
    List<JobStatus.SavepointInfo> history = new ArrayList<>(s.savepoints() == null ? List.of() : s.savepoints());
    history.add(info);
    JobStatus job = new JobStatus(jobId, "FINISHED", s.job().parallelism(), info, s.job().lastCheckpoint(),
        s.job().restarts());
    // Suspended: the next up resumes from the newest savepoint, exactly as job.state: suspended would.
    local.store.writeStatus(name, s.withSavepoints(history).withJob(job).withPhase(Phase.Suspended));
    out.println(name + ": job " + jobId + " stopped with savepoint " + location);
  }
}
