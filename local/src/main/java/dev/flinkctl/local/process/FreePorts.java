package dev.flinkctl.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on the loopback interface, where local clusters listen. */
public final class FreePorts {
  /** 127.0.0.1 itself, not "the" loopback address, which is ::1 when IPv6 is preferred. */
  static final InetAddress LOOPBACK;

  static {
    try {
      LOOPBACK = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private FreePorts() {}

  /**
   * {@code count} distinct ports that were free a moment ago. All sockets stay open until every
   * port is chosen, so the OS cannot hand out the same port twice. Another program may still take
   * one before Flink binds it; callers that care retry with new ports.
   */
  public static List<Integer> pick(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(LOOPBACK, 0), 1);
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not find " + count + " free local ports", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing a listening socket that never accepted does not fail in practice
        }
      }
    }
  }

  /** Whether {@code port} can be bound on 127.0.0.1 right now and nobody listens on it. */
  public static boolean isFree(int port) {
    // Binds with SO_REUSEADDR (Java's default, like servers use), so connections of a process that
    // just stopped (TIME_WAIT) do not count as taken.
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
    } catch (IOException e) {
      return false;
    }
    // macOS lets that bind succeed next to a listener on 0.0.0.0; a connect finds such a listener.
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(LOOPBACK, port), 200);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
