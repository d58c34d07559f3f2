package dev.flinkctl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "flinkctl", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
    description = "Apache Flink clusters from one FlinkCluster YAML: on Kubernetes, as plain manifests, or on this machine.",
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, SubmitCommand.class,
        SavepointCommand.class, ScaleCommand.class, RenderCommand.class, VersionCommand.class, SuperviseCommand.class, InstallCommand.class,
        DoctorCommand.class, CommandLine.HelpCommand.class})
public final class Flinkctl {
  /** Exit code for input the user must fix. */
  public static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs one command line; tests call this with their own writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Flinkctl());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler((ex, argv) -> {
      err.println("error: " + ex.getMessage());
      err.println("Try 'flinkctl " + ex.getCommandLine().getCommandName() + " --help'.");
      return BAD_INPUT;
    });
    return cli.execute(args);
  }
}
