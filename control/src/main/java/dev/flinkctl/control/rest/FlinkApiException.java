package dev.flinkctl.control.rest;

import java.net.URI;
import java.util.List;

/**
 * Flink answered with an HTTP error. Decide on {@link #status()} (or the helpers), never on the
 * message: Flink's wording changes between versions.
 */
public final class FlinkApiException extends FlinkRestException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> errors;

  FlinkApiException(String method, URI uri, int status, List<String> errors) {
    super(method, uri, "Flink REST " + method + " " + uri.getPath() + " answered " + status + ": "
        + (errors.isEmpty() ? "no error details" : ErrorText.summary(errors)), null);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /**
   * Flink's "errors" array as sent, full stack traces included; when the body was not Flink's
   * error JSON (a proxy page, say), its start.
   */
  public List<String> errors() {
    return errors;
  }

  /** 404: no such job, jar, trigger id or endpoint (jar endpoints are absent when web submit is off). */
  public boolean isNotFound() {
    return status == 404;
  }

  /** 503: no leader yet (leader election) or the REST endpoint is not ready; worth retrying. */
  public boolean isUnavailable() {
    return status == 503;
  }
}
