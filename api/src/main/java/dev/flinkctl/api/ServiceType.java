package dev.flinkctl.api;

/** How the JobManager's REST endpoint is exposed. */
public enum ServiceType {
  ClusterIP,
  NodePort,
  LoadBalancer
}
