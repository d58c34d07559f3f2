package dev.flinkctl.cli;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.ManifestWriter;
import dev.flinkctl.model.Manifests;
import dev.flinkctl.model.Severity;
import dev.flinkctl.model.kubernetes.KubernetesModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "render", description = {
    "Print the Kubernetes objects that run each FlinkCluster in FILE, for GitOps or review.",
    "Warnings and notes go to standard error; the manifests to standard output."})
final class RenderCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "FlinkCluster YAML or JSON; - reads standard input.")
  String file;

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "FORMAT", description = "yaml (default) or json.")
  OutputFormat output;

  enum OutputFormat { yaml, json }

  @Override
  public Integer call() {
    Manifests.Parsed parsed = ManifestFiles.read(file, System.in);
    PrintWriter err = spec.commandLine().getErr();
    parsed.skipped().forEach(s -> err.println("note: skipped " + s.trim() + " (not a FlinkCluster)"));
    List<HasMetadata> objects = new ArrayList<>();
    for (FlinkCluster cluster : parsed.clusters()) {
      KubernetesModel.Rendered rendered = KubernetesModel.render(cluster);
      for (Finding f : rendered.findings()) {
        err.println((f.severity() == Severity.WARNING ? "warning: " : "note: ") + cluster.getMetadata().getName()
            + ": " + f.oneLine());
      }
      objects.addAll(rendered.objects());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == OutputFormat.json ? ManifestWriter.json(objects) : ManifestWriter.yaml(objects));
    out.flush();
    return 0;
  }
}
