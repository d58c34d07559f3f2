package dev.flinkctl.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * {@code java -jar flinkctl-operator.jar}: in a pod it uses the service account; on a laptop the
 * current kubeconfig context, which is how to develop against any cluster.
 */
public final class OperatorMain {
  private OperatorMain() {}

  public static void main(String[] args) {
    OperatorLogging.useOwnConfiguration();
    OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
    KubernetesClient client = new KubernetesClientBuilder().build();
    FlinkOperator operator = FlinkOperator.start(client, settings);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      operator.close();
      client.close();
    }, "flinkctl-operator-shutdown"));
  }
}
