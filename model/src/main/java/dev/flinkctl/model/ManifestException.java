package dev.flinkctl.model;

/** A manifest that cannot be read; the message names the document and the field. */
public class ManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(message);
  }
}
