package dev.flinkctl.control;

/** A platform could not do what was asked; the message says what and why, for status and the terminal. */
public class PlatformException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlatformException(String message) {
    super(message);
  }

  public PlatformException(String message, Throwable cause) {
    super(message, cause);
  }
}
