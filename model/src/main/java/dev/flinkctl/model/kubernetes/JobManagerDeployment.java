package dev.flinkctl.model.kubernetes;

import dev.flinkctl.api.JobSpec;
import dev.flinkctl.api.Labels;
import dev.flinkctl.api.ResourceNames;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.ResolvedCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The JobManager Deployment. Recreate, never rolling: two JobManagers of one cluster without HA
 * would both act as leader, and an application cluster would run its job twice.
 */
final class JobManagerDeployment {
  static final String CONTAINER = "jobmanager";

  private JobManagerDeployment() {}

  static Deployment build(RenderContext ctx, SortedMap<String, String> configFiles, List<Finding> problems) {
    ResolvedCluster c = ctx.cluster();
    Ports p = ctx.ports();
    Container main = FlinkPods.container(ctx, CONTAINER, args(ctx),
        List.of(FlinkPods.port("rpc", p.jobManagerRpc()), FlinkPods.port("blob", p.blob()),
            FlinkPods.port("rest", p.rest()), FlinkPods.port("metrics", p.metrics())),
        c.jobManager().memoryMiB(), c.jobManager().cpuMillis(),
        FlinkPods.tcpProbe(p.rest(), 5, 10, 3),
        FlinkPods.tcpProbe(p.jobManagerRpc(), 30, 10, 6));
    return new DeploymentBuilder()
        .withMetadata(ctx.metadata(ResourceNames.jobManager(ctx.name()), Labels.JOBMANAGER))
        .withNewSpec()
        .withReplicas(c.jobManager().replicas())
        .withNewSelector().withMatchLabels(Labels.selector(ctx.name(), Labels.JOBMANAGER)).endSelector()
        .withNewStrategy().withType("Recreate").endStrategy()
        .withTemplate(FlinkPods.template(ctx, Labels.JOBMANAGER, main, configFiles, c.jobManager().template(),
            "spec.jobManager.template", problems))
        .endSpec()
        .build();
  }

  /** Arguments for the official image's entrypoint. */
  static List<String> args(RenderContext ctx) {
    List<String> args = new ArrayList<>();
    ResolvedCluster c = ctx.cluster();
    if (!c.isApplication()) {
      args.add("jobmanager");
    } else {
      JobSpec job = c.job().spec();
      JobLaunch launch = ctx.launch();
      args.add("standalone-job");
      if (job.entryClass() != null) {
        args.add("--job-classname");
        args.add(job.entryClass());
      }
      args.add("--job-id");
      args.add(launch.jobId());
      if (launch.restorePath() != null) {
        args.add("--fromSavepoint");
        args.add(launch.restorePath());
        if (launch.allowNonRestoredState()) {
          args.add("--allowNonRestoredState");
        }
      }
    }
    // Standby JobManagers must each advertise their own address; -D works on every version,
    // unlike --host, which 2.x no longer knows and would pass to the job as an argument.
    if (c.highAvailability()) {
      args.add("-D");
      args.add("jobmanager.rpc.address=$(POD_IP)");
    }
    args.addAll(FlinkPods.haProperties(ctx));
    if (c.isApplication() && c.job().spec().args() != null) {
      args.addAll(c.job().spec().args());
    }
    return args;
  }
}
