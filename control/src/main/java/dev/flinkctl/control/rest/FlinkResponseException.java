package dev.flinkctl.control.rest;

import java.net.URI;

/**
 * Flink answered with success but a body this client cannot read: something other than Flink
 * answers at that address, or a Flink version changed a response shape. Retrying rarely helps.
 */
public final class FlinkResponseException extends FlinkRestException {
  private static final long serialVersionUID = 1L;

  FlinkResponseException(String method, URI uri, int status, String problem, Throwable cause) {
    super(method, uri, "Flink REST " + method + " " + uri.getPath() + " answered " + status
        + " with a body this client cannot read: " + problem, cause);
  }
}
