package dev.flinkctl.local.kafka;

import java.io.IOException;

/**
 * Main class of the broker JVM: Kafka's own {@code kafka.Kafka}, plus a watchdog that halts the broker when
 * the test JVM that started it goes away. Shutdown hooks cover a normal exit of the test JVM; a killed one
 * (SIGKILL, a Surefire timeout) runs none, but its end closes the pipe to our standard input.
 *
 * <p>Runs in the broker JVM, so it may use only the JDK and Kafka's classes.
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // The parent never writes; anything read is ignored.
        }
      } catch (IOException e) {
        // A broken pipe means the same as end of input.
      }
      Runtime.getRuntime().halt(3);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    kafka.Kafka.main(args);
  }
}
