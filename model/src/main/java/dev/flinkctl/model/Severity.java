package dev.flinkctl.model;

public enum Severity {
  /** The spec cannot run as written; nothing is deployed. */
  ERROR,
  /** It runs, but against advice that the user should know about. */
  WARNING,
  /** Something was decided for the user; said so they are not surprised. */
  INFO
}
