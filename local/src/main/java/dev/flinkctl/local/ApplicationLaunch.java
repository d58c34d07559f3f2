package dev.flinkctl.local;

import dev.flinkctl.control.Plan;
import dev.flinkctl.control.PlatformException;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.ResolvedCluster;

/**
 * How the application JobManager starts: kept beside the processes so that a JobManager restarted
 * after a crash comes back with the same arguments, as a pod restarted by Kubernetes would.
 */
final class ApplicationLaunch {
  private ApplicationLaunch() {}

  static JobLaunch load(LocalLayout layout, ResolvedCluster c, Plan plan) {
    java.nio.file.Path file = layout.cluster(c.name()).resolve("launch.yaml");
    if (plan != null) {
      Yaml.write(file, plan.launch());
      return plan.launch();
    }
    return Yaml.read(file, JobLaunch.class)
        .orElseThrow(() -> new PlatformException(c.name() + ": no recorded job launch to restart the JobManager with"));
  }
}
