package dev.flinkctl.cli;

import dev.flinkctl.local.JarFetcher;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.ResolvedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a local run can check before it starts anything: the job jar is there. */
final class LocalPreflight {
  private LocalPreflight() {}

  static List<Finding> check(ResolvedCluster c) {
    List<Finding> errors = new ArrayList<>();
    if (c.isApplication()) {
      String uri = c.job().spec().jarURI();
      if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
        Path jar = JarFetcher.localPath(uri);
        if (!Files.isRegularFile(jar)) {
          errors.add(Finding.error("job-jar-missing", "spec.job.jarURI", "the job jar " + jar + " does not exist"
                  + (uri.startsWith("local://") ? " (local:// names a path inside the image; locally it is read from this machine)" : ""),
              "build the jar or point jarURI at it (file:///path/job.jar or a plain path)"));
        }
      }
    }
    return errors;
  }
}
