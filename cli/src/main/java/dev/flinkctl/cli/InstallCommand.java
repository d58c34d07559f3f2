package dev.flinkctl.cli;

import dev.flinkctl.model.ManifestWriter;
import dev.flinkctl.operator.InstallManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "install", description = {
    "Print everything the FlinkCluster operator needs: the CRD, a namespace, a service account, least-privilege",
    "RBAC, the operator Deployment and its Services, and with --webhook the validating admission webhook.",
    "Apply with: flinkctl install | kubectl apply -f -   (the same files are in deploy/ for kubectl apply -k)."})
final class InstallCommand implements Callable<Integer> {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  @Spec
  CommandSpec spec;

  @Option(names = {"-n", "--namespace"}, defaultValue = "flinkctl-system", paramLabel = "NS",
      description = "Namespace of the operator itself (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--watch-namespaces", split = ",", paramLabel = "NS[,NS...]",
      description = "Manage FlinkClusters only in these namespaces, with a Role in each instead of a ClusterRole. Default: all.")
  List<String> watchNamespaces = new ArrayList<>();

  @Option(names = "--webhook", description = "Also install the validating admission webhook, which rejects invalid specs at apply time.")
  boolean webhook;

  @Option(names = "--image", paramLabel = "IMAGE", description = "Operator image (default: ${DEFAULT-VALUE}).")
  String image = InstallManifests.defaultImage();

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "FORMAT", description = "yaml (default) or json.")
  RenderCommand.OutputFormat output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<String> names = new ArrayList<>(watchNamespaces);
    names.add(namespace);
    for (String ns : names) {
      if (!DNS_LABEL.matcher(ns).matches()) {
        err.println("error: '" + ns + "' is not a namespace name: lowercase letters, digits and '-', at most 63");
        return Flinkctl.BAD_INPUT;
      }
    }
    List<HasMetadata> objects = InstallManifests.objects(new InstallManifests.Options(namespace,
        watchNamespaces.stream().distinct().toList(), webhook, image));
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == RenderCommand.OutputFormat.json ? ManifestWriter.json(objects) : ManifestWriter.yaml(objects));
    out.flush();
    return 0;
  }
}
