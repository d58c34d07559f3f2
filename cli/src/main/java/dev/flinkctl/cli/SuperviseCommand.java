package dev.flinkctl.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The background control loop that flinkctl up -d starts; stopped by flinkctl down. */
@Command(name = "supervise", hidden = true, description = "Run the control loop for local clusters (started by up -d).")
final class SuperviseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "1..*")
  List<String> names;

  @Override
  public Integer call() {
    LocalContext local = new LocalContext(spec.commandLine().getErr());
    names.forEach(local::cluster);
    List<java.nio.channels.FileLock> locks = new java.util.ArrayList<>();
    for (String name : names) {
      java.nio.channels.FileLock lock = dev.flinkctl.local.BackgroundSupervisor.lock(local.layout, name);
      if (lock == null) {
        spec.commandLine().getErr().println(name + " already has a supervisor; exiting");
        return 0;
      }
      locks.add(lock);
    }
    AtomicBoolean stop = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
    spec.commandLine().getErr().println("supervising " + names + " (pid " + ProcessHandle.current().pid() + ")");
    local.supervisor.run(names, stop::get);
    return 0;
  }

}
