package dev.flinkctl.model.kubernetes;

import dev.flinkctl.api.ResourceNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.SortedMap;

/** The configuration directory: Flink's config file and the log4j files, mounted read-only. */
final class FlinkConfigMap {
  private FlinkConfigMap() {}

  static ConfigMap build(RenderContext ctx, SortedMap<String, String> files) {
    return new ConfigMapBuilder()
        .withMetadata(ctx.metadata(ResourceNames.config(ctx.name()), null))
        .withData(files)
        .build();
  }
}
