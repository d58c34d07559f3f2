package dev.flinkctl.model;

import java.util.List;
import java.util.stream.Collectors;

/** The spec has errors; carries every finding so that the user can fix them all at once. */
public class InvalidSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Finding> findings;

  public InvalidSpecException(List<Finding> findings) {
    super(findings.stream().filter(Finding::isError).map(Finding::oneLine).collect(Collectors.joining("; ")));
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }

  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }
}
