package dev.flinkctl.model.kubernetes;

import dev.flinkctl.api.Labels;
import dev.flinkctl.api.ResourceNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.List;

final class FlinkServices {
  private FlinkServices() {}

  /** REST and web UI. ClusterIP unless asked otherwise: the seed's advice against NodePort. */
  static Service rest(RenderContext ctx) {
    var meta = ctx.metadata(ResourceNames.rest(ctx.name()), Labels.JOBMANAGER);
    if (!ctx.cluster().jobManager().serviceAnnotations().isEmpty()) {
      meta.setAnnotations(ctx.cluster().jobManager().serviceAnnotations());
    }
    return new ServiceBuilder()
        .withMetadata(meta)
        .withNewSpec()
        .withType(ctx.cluster().jobManager().serviceType().name())
        .withSelector(Labels.selector(ctx.name(), Labels.JOBMANAGER))
        .withPorts(port("rest", ctx.ports().rest()))
        .endSpec()
        .build();
  }

  /** RPC and blob, for TaskManagers to reach a single JobManager; HA clusters find the leader through HA. */
  static List<Service> rpc(RenderContext ctx) {
    List<Service> services = new ArrayList<>();
    if (!ctx.cluster().highAvailability()) {
      services.add(new ServiceBuilder()
          .withMetadata(ctx.metadata(ResourceNames.rpc(ctx.name()), Labels.JOBMANAGER))
          .withNewSpec()
          .withType("ClusterIP")
          .withSelector(Labels.selector(ctx.name(), Labels.JOBMANAGER))
          .withPorts(port("rpc", ctx.ports().jobManagerRpc()), port("blob", ctx.ports().blob()))
          .endSpec()
          .build());
    }
    return services;
  }

  private static ServicePort port(String name, int port) {
    return new ServicePortBuilder().withName(name).withPort(port).withProtocol("TCP")
        .withTargetPort(new IntOrString(name)).build();
  }
}
