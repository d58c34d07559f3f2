package dev.flinkctl.control.rest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * No HTTP answer: connection refused, unknown host, timeout, connection dropped. Usually the
 * JobManager is not (yet) up or the address is wrong, so callers typically retry later.
 */
public final class FlinkUnreachableException extends FlinkRestException {
  private static final long serialVersionUID = 1L;

  FlinkUnreachableException(String method, URI uri, Duration timeout, Throwable cause) {
    super(method, uri, "Cannot reach Flink at " + uri + " (" + reason(cause, timeout)
        + "). Check that the JobManager is running and its REST endpoint is reachable from here.",
        cause);
  }

  // Decided by exception type, never by message text: messages differ across JDKs and locales.
  private static String reason(Throwable cause, Duration timeout) {
    if (cause instanceof HttpConnectTimeoutException) {
      return "connect timed out after " + millis(timeout);
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + millis(timeout);
    }
    if (cause instanceof InterruptedException) {
      return "interrupted while waiting for the answer";
    }
    if (hasCause(cause, UnresolvedAddressException.class)) {
      return "unknown host";
    }
    if (hasCause(cause, NoRouteToHostException.class)) {
      return "no route to host";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    if (cause instanceof IOException) {
      return "connection failed: " + (cause.getMessage() == null
          ? cause.getClass().getSimpleName() : cause.getMessage());
    }
    return String.valueOf(cause);
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
