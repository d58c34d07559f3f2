package dev.flinkctl.model.kubernetes;

import dev.flinkctl.api.Labels;
import dev.flinkctl.api.ResourceNames;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.ResolvedCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

final class TaskManagerDeployment {
  static final String CONTAINER = "taskmanager";

  private TaskManagerDeployment() {}

  static Deployment build(RenderContext ctx, SortedMap<String, String> configFiles, List<Finding> problems) {
    ResolvedCluster c = ctx.cluster();
    Ports p = ctx.ports();
    List<String> args = new ArrayList<>(List.of("taskmanager", "-D", "taskmanager.host=$(POD_IP)"));
    args.addAll(FlinkPods.haProperties(ctx));
    Container main = FlinkPods.container(ctx, CONTAINER, args,
        List.of(FlinkPods.port("rpc", p.taskManagerRpc()), FlinkPods.port("metrics", p.metrics())),
        c.taskManager().memoryMiB(), c.taskManager().cpuMillis(),
        FlinkPods.tcpProbe(p.taskManagerRpc(), 5, 10, 3),
        FlinkPods.tcpProbe(p.taskManagerRpc(), 30, 60, 3));
    return new DeploymentBuilder()
        .withMetadata(ctx.metadata(ResourceNames.taskManager(ctx.name()), Labels.TASKMANAGER))
        .withNewSpec()
        .withReplicas(c.taskManager().replicas())
        .withNewSelector().withMatchLabels(Labels.selector(ctx.name(), Labels.TASKMANAGER)).endSelector()
        .withTemplate(FlinkPods.template(ctx, Labels.TASKMANAGER, main, configFiles, c.taskManager().template(),
            "spec.taskManager.template", problems))
        .endSpec()
        .build();
  }
}
