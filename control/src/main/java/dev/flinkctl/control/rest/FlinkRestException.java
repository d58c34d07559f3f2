package dev.flinkctl.control.rest;

import java.net.URI;

/**
 * A Flink REST call that did not give the answer the caller needed. Unchecked, because the control
 * loop handles it in one place (requeue, report in status) rather than at every call site; the
 * subclasses say whether Flink was reached at all.
 */
public abstract class FlinkRestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final URI uri;

  protected FlinkRestException(String method, URI uri, String message, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.uri = uri;
  }

  /** The HTTP method of the failed call. */
  public String method() {
    return method;
  }

  /** The full URL of the failed call. */
  public URI uri() {
    return uri;
  }
}
