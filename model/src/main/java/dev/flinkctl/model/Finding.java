package dev.flinkctl.model;

/**
 * One verdict about a spec: which rule, how bad, which field, what is wrong and how to fix it.
 *
 * @param field the spec path the user edits, e.g. {@code spec.taskManager.resources.memory}
 */
public record Finding(String rule, Severity severity, String field, String message, String fix) {

  public static Finding error(String rule, String field, String message, String fix) {
    return new Finding(rule, Severity.ERROR, field, message, fix);
  }

  public static Finding warning(String rule, String field, String message, String fix) {
    return new Finding(rule, Severity.WARNING, field, message, fix);
  }

  public static Finding info(String rule, String field, String message) {
    return new Finding(rule, Severity.INFO, field, message, null);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** One line for a terminal or an Event: "field: message (fix)". */
  public String oneLine() {
    return field + ": " + message + (fix == null || fix.isEmpty() ? "" : " — " + fix);
  }
}
