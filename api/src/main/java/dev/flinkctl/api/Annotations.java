package dev.flinkctl.api;

/** Annotations this project reads or writes. */
public final class Annotations {
  /** Hash of the effective configuration, on pod templates: a config change rolls the pods. */
  public static final String CONFIG_HASH = "flink.apache.org/config-hash";

  private Annotations() {}
}
