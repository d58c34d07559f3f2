package dev.flinkctl.api;

import java.util.Map;
import java.util.TreeMap;

/** Labels on every object made for a FlinkCluster, so that each can be found and cleaned up. */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String APP = "flink";
  public static final String MANAGER = "flinkctl";
  public static final String JOBMANAGER = "jobmanager";
  public static final String TASKMANAGER = "taskmanager";

  private Labels() {}

  /** Labels shared by all of one cluster's objects; also the selector for "everything we made". */
  public static Map<String, String> cluster(String cluster) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(NAME, APP);
    labels.put(INSTANCE, cluster);
    labels.put(MANAGED_BY, MANAGER);
    return labels;
  }

  /** Selector of one component's pods. Stable for the cluster's life: Deployment selectors are immutable. */
  public static Map<String, String> selector(String cluster, String component) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(NAME, APP);
    labels.put(INSTANCE, cluster);
    labels.put(COMPONENT, component);
    return labels;
  }

  public static Map<String, String> component(String cluster, String component) {
    Map<String, String> labels = cluster(cluster);
    labels.put(COMPONENT, component);
    return labels;
  }

  public static String selectorString(String cluster, String component) {
    StringBuilder sb = new StringBuilder();
    selector(cluster, component).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }
}
