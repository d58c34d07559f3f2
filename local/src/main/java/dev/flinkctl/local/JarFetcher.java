package dev.flinkctl.local;

import dev.flinkctl.control.PlatformException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Puts the job jar where a local JobManager finds it. {@code file://} and plain paths are read
 * from this machine; {@code local://} means "a path inside the image" and is read from the same
 * path here, so the seed's local:///opt/flink/usrlib/my-job.jar works when that file exists;
 * {@code http(s)://} is downloaded.
 */
public final class JarFetcher {
  private JarFetcher() {}

  static Path fetch(String jarURI, Path targetDir) {
    try {
      Files.createDirectories(targetDir);
      Path target = targetDir.resolve("job.jar");
      if (jarURI.startsWith("http://") || jarURI.startsWith("https://")) {
        download(URI.create(jarURI), target);
        return target;
      }
      Path source = localPath(jarURI);
      if (!Files.isRegularFile(source)) {
        throw new PlatformException("spec.job.jarURI: " + source + " does not exist"
            + (jarURI.startsWith("local://") ? " (local:// is a path inside the image; locally it is read from this machine)"
                : ""));
      }
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new PlatformException("spec.job.jarURI: cannot copy " + jarURI + ": " + e.getMessage(), e);
    }
  }

  public static Path localPath(String jarURI) {
    if (jarURI.startsWith("file:")) {
      return Path.of(URI.create(jarURI));
    }
    if (jarURI.startsWith("local://")) {
      return Path.of(jarURI.substring("local://".length()));
    }
    return Path.of(jarURI).toAbsolutePath();
  }

  private static void download(URI uri, Path target) throws IOException {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new PlatformException("spec.job.jarURI: " + uri + " answered HTTP " + response.statusCode());
      }
      try (InputStream in = response.body()) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while downloading " + uri, e);
    }
  }
}
