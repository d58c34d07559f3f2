package dev.flinkctl.cli;

import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.model.ManifestWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Show local clusters: phase, JobManagers and TaskManagers up, job, checkpoints, savepoints.")
final class StatusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "One cluster; all when omitted.")
  String name;

  @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT", description = "table (default), yaml or json.")
  Format output;

  enum Format { table, yaml, json }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LocalContext local = new LocalContext(spec.commandLine().getErr());
    List<String> names = name == null ? local.store.names() : List.of(local.cluster(name).getMetadata().getName());
    List<FlinkClusterStatus> statuses = new ArrayList<>();
    for (String n : names) {
      statuses.add(local.store.status(n).orElse(FlinkClusterStatus.initial()));
    }
    if (output == Format.table) {
      if (names.isEmpty()) {
        out.println("no local clusters; start one with: flinkctl up -f FILE");
        return 0;
      }
      StatusTable.table(names, statuses).forEach(out::println);
      if (name != null) {
        details(local, name, statuses.get(0), out);
      }
      return 0;
    }
    Map<String, FlinkClusterStatus> byName = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      byName.put(names.get(i), statuses.get(i));
    }
    Object value = name == null ? byName : statuses.get(0);
    out.print(output == Format.json ? ManifestWriter.json(value) : ManifestWriter.yaml(value));
    return 0;
  }

  private static void details(LocalContext local, String name, FlinkClusterStatus s, PrintWriter out) {
    if (s.conditions() != null) {
      s.conditions().forEach(c -> out.println("  " + c.getType() + "=" + c.getStatus() + ": " + c.getMessage()));
    }
    if (s.reconciliationOrEmpty().lastError() != null) {
      out.println("  last error: " + s.reconciliationOrEmpty().lastError());
    }
    if (s.savepoints() != null && !s.savepoints().isEmpty()) {
      out.println("  last savepoint: " + s.savepoints().get(s.savepoints().size() - 1).location());
    }
    StatusTable.scaling(s).forEach(line -> out.println("  " + line));
    if (s.sessionJobs() != null) {
      s.sessionJobs().forEach(j -> out.println("  job " + j.id() + " " + j.state()
          + (j.name() == null ? "" : " " + j.name()) + (j.savepoint() == null ? "" : " savepoint " + j.savepoint())));
    }
    local.platform.localChanges(name).forEach(line -> out.println("  local run: " + line));
  }
}
