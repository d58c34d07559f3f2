package dev.flinkctl.benchmarks;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.Manifests;
import java.nio.file.Path;

/** The one FlinkCluster every `up` run uses: the spec of the brief, with the example job. */
final class BenchCluster {
  static final String NAME = "bench";

  private BenchCluster() {}

  static String yaml(Path jobJar, Path output, String state) {
    return """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: %s}
        spec:
          image: flink:1.20
          jobManager: {resources: {memory: 1024m, cpu: 1}}
          taskManager: {replicas: 1, slots: 2, resources: {memory: 1280m, cpu: 1}}
          flinkConfiguration:
            execution.checkpointing.interval: 1s
          job:
            jarURI: %s
            entryClass: dev.flinkctl.examples.CountingJob
            args: [--output, %s, --rate, "200", --keys, "4"]
            parallelism: 2
            state: %s
        """.formatted(NAME, jobJar.toUri(), output.toUri(), state);
  }

  static FlinkCluster parse(String yaml) {
    return Manifests.parse(yaml, "benchmark").clusters().get(0);
  }
}
