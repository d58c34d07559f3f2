package dev.flinkctl.operator;

/**
 * Points log4j at the operator's configuration (JSON lines unless FLINKCTL_LOG_FORMAT=text). It has
 * its own name rather than log4j2.xml, so that no other program with the operator's jar on its
 * class path (the CLI) picks it up. Must run before the first logger is created.
 */
final class OperatorLogging {
  static final String CONFIGURATION = "flinkctl-operator-log4j2.xml";
  static final String LOG4J_CONFIGURATION = "log4j2.configurationFile";

  private OperatorLogging() {}

  /** Unless the command line names another configuration. */
  static void useOwnConfiguration() {
    if (System.getProperty(LOG4J_CONFIGURATION) == null) {
      System.setProperty(LOG4J_CONFIGURATION, CONFIGURATION);
    }
  }
}
