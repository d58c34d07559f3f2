package dev.flinkctl.control;

/**
 * What a platform sees of a cluster's JobManagers and TaskManagers.
 *
 * @param revision the {@link Plan#revision()} that is deployed; null when nothing is
 * @param failure why a component cannot start (a crash loop, a port taken), or null
 */
public record Deployment(String revision, int jobManagers, int jobManagersReady, int taskManagers,
    int taskManagersReady, String failure) {

  public static Deployment none() {
    return new Deployment(null, 0, 0, 0, 0, null);
  }

  public boolean exists() {
    return revision != null;
  }
}
