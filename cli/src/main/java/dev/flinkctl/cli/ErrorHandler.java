package dev.flinkctl.cli;

import dev.flinkctl.model.Finding;
import dev.flinkctl.model.InvalidSpecException;
import dev.flinkctl.model.ManifestException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns what went wrong into lines a user can act on; a stack trace only with FLINKCTL_DEBUG set. */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof InvalidSpecException invalid) {
      for (Finding f : invalid.errors()) {
        err.println("error: " + f.oneLine());
      }
      return Flinkctl.BAD_INPUT;
    }
    if (ex instanceof ManifestException || ex instanceof UserException) {
      err.println("error: " + ex.getMessage());
      return Flinkctl.BAD_INPUT;
    }
    if (ex instanceof dev.flinkctl.control.PlatformException || ex instanceof dev.flinkctl.control.rest.FlinkRestException) {
      err.println("error: " + ex.getMessage());
      return 1;
    }
    err.println("error: " + ex);
    if (System.getenv("FLINKCTL_DEBUG") != null) {
      ex.printStackTrace(err);
    } else {
      err.println("(set FLINKCTL_DEBUG=1 for details)");
    }
    return 1;
  }
}
