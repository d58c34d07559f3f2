package dev.flinkctl.control.rest;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/** A multipart/form-data body with one file part, streamed from disk rather than read into memory. */
final class MultipartBody {
  private final String boundary = "flinkctl-" + UUID.randomUUID();
  private final BodyPublisher publisher;

  MultipartBody(String fieldName, Path file, String fileName, String contentType) {
    String head = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + fieldName + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    try {
      publisher = BodyPublishers.concat(
          BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
          BodyPublishers.ofFile(file),
          BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8)));
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  BodyPublisher publisher() {
    return publisher;
  }
}
