package dev.flinkctl.cli;

/** Input the user must fix: a missing file, say. Reported as one line, exit code 2. */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message);
  }
}
