package dev.flinkctl.cli;

import dev.flinkctl.api.SessionJob;
import dev.flinkctl.local.SessionJobs;
import dev.flinkctl.model.ResolvedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "submit", description = "Run a job jar on a local session cluster; the job is tracked in its status.")
final class SubmitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Parameters(index = "1", paramLabel = "JAR")
  Path jar;

  @Option(names = "--class", paramLabel = "CLASS", description = "Main class, when the jar's manifest names none.")
  String entryClass;

  @Option(names = {"-p", "--parallelism"}, paramLabel = "N")
  Integer parallelism;

  @Option(names = "--args", paramLabel = "ARGS", description = "Program arguments, space-separated, in one quoted string.")
  String args;

  @Option(names = {"-s", "--from-savepoint"}, paramLabel = "PATH", description = "Start from this savepoint.")
  String savepoint;

  @Override
  public Integer call() {
    LocalContext local = new LocalContext(spec.commandLine().getErr());
    ResolvedCluster c = local.resolved(name);
    if (c.isApplication()) {
      throw new UserException(name + " is an application cluster; change spec.job and run flinkctl up instead");
    }
    if (!Files.isRegularFile(jar)) {
      throw new UserException(jar + ": no such jar");
    }
    List<String> programArgs = args == null || args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
    SessionJob job = new SessionJobs(local.store, local.platform)
        .submit(c, jar, entryClass, parallelism, programArgs, savepoint);
    spec.commandLine().getOut().println(name + ": submitted job " + job.id());
    return 0;
  }
}
