package dev.flinkctl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.Manifests;
import dev.flinkctl.model.Severity;
import dev.flinkctl.model.doctor.Doctor;
import dev.flinkctl.model.doctor.MemoryBreakdown;
import dev.flinkctl.model.doctor.Rule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor", description = {
    "Check each FlinkCluster in FILE before anything starts: every memory setting Flink would refuse at startup,",
    "and the tuning rules (slots, parallelism, checkpoints, storage, HA, exposure, configuration keys).",
    "Exit code: 0 clean, 1 warnings only, 2 errors."})
final class DoctorCommand implements Callable<Integer> {
  static final int CLEAN = 0;
  static final int WARNINGS = 1;

  @Spec
  CommandSpec spec;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "FlinkCluster YAML or JSON; - reads standard input.")
  String file;

  @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT", description = "table (default) or json.")
  OutputFormat output;

  @Option(names = {"-v", "--verbose"}, description = "Also show how Flink splits each JobManager's and TaskManager's memory.")
  boolean verbose;

  enum OutputFormat { table, json }

  @Override
  public Integer call() {
    Manifests.Parsed parsed = ManifestFiles.read(file, System.in);
    PrintWriter err = spec.commandLine().getErr();
    parsed.skipped().forEach(s -> err.println("note: skipped " + s.trim() + " (not a FlinkCluster)"));
    List<Doctor.Report> reports = new ArrayList<>();
    for (FlinkCluster cluster : parsed.clusters()) {
      reports.add(Doctor.examine(cluster));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == OutputFormat.json ? json(reports) : table(reports));
    out.flush();
    return reports.stream().anyMatch(Doctor.Report::hasErrors) ? Flinkctl.BAD_INPUT
        : reports.stream().anyMatch(Doctor.Report::hasWarnings) ? WARNINGS : CLEAN;
  }

  private String table(List<Doctor.Report> reports) {
    StringBuilder sb = new StringBuilder();
    for (Doctor.Report r : reports) {
      sb.append(name(r)).append(": ").append(summary(r.findings())).append('\n');
      for (Finding f : r.findings()) {
        sb.append('\n').append(String.format(Locale.ROOT, "%-8s %s  %s%n", label(f.severity()), f.rule(), f.field()));
        sb.append("  ").append(f.message()).append('\n');
        if (f.fix() != null && !f.fix().isEmpty()) {
          sb.append("  fix:  ").append(f.fix()).append('\n');
        }
        sb.append("  docs: ").append(Rule.docs(f.rule())).append('\n');
      }
      if (verbose) {
        r.jobManager().ifPresent(b -> memory(sb, b));
        r.taskManager().ifPresent(b -> memory(sb, b));
        if (r.jobManager().isEmpty() && r.taskManager().isEmpty()) {
          sb.append("\n(no memory breakdown: fix the errors first)\n");
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String name(Doctor.Report r) {
    return r.cluster() == null ? "(no metadata.name)" : r.cluster();
  }

  private static void memory(StringBuilder sb, MemoryBreakdown b) {
    sb.append('\n').append(b.component()).append(" memory, as Flink splits a ")
        .append(MemoryBreakdown.mebibytes(b.processBytes())).append(" process:\n");
    for (MemoryBreakdown.Part p : b.parts()) {
      sb.append(String.format(Locale.ROOT, "  %-19s %9s   %s%n", p.name(), MemoryBreakdown.mebibytes(p.bytes()), p.key()));
    }
    sb.append(String.format(Locale.ROOT, "  %-19s %9s%n", "total Flink memory", MemoryBreakdown.mebibytes(b.flinkBytes())));
    sb.append("  JVM: -Xmx").append(MemoryBreakdown.mebibytes(b.heapBytes()))
        .append(b.directLimited() ? " -XX:MaxDirectMemorySize=" + MemoryBreakdown.mebibytes(b.directBytes()) : "")
        .append(" -XX:MaxMetaspaceSize=").append(MemoryBreakdown.mebibytes(b.metaspaceBytes())).append('\n');
  }

  private static String summary(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "no findings";
    }
    List<String> parts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      long n = findings.stream().filter(f -> f.severity() == s).count();
      if (n > 0) {
        String noun = switch (s) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case INFO -> "note";
        };
        parts.add(n + " " + noun + (n == 1 ? "" : "s"));
      }
    }
    return String.join(", ", parts);
  }

  private static String label(Severity s) {
    return s == Severity.INFO ? "NOTE" : s.name();
  }

  private String json(List<Doctor.Report> reports) {
    List<Map<String, Object>> clusters = new ArrayList<>();
    for (Doctor.Report r : reports) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", r.cluster());
      List<Map<String, Object>> findings = new ArrayList<>();
      for (Finding f : r.findings()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        m.put("field", f.field());
        m.put("message", f.message());
        m.put("fix", f.fix());
        m.put("docs", Rule.docs(f.rule()));
        findings.add(m);
      }
      c.put("findings", findings);
      Map<String, Object> memory = new LinkedHashMap<>();
      memory(r.jobManager()).ifPresent(m -> memory.put("jobManager", m));
      memory(r.taskManager()).ifPresent(m -> memory.put("taskManager", m));
      c.put("memory", memory);
      clusters.add(c);
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(Map.of("clusters", clusters)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and numbers always serialize", e);
    }
  }

  /** "task off-heap" to taskOffHeap, "JVM metaspace" to jvmMetaspace. */
  static String camel(String name) {
    String[] words = name.toLowerCase(Locale.ROOT).split("[ -]");
    StringBuilder sb = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return sb.toString();
  }

  /** Sizes in bytes, as Flink's own dynamic properties give them. */
  private static Optional<Map<String, Object>> memory(Optional<MemoryBreakdown> breakdown) {
    return breakdown.map(b -> {
      Map<String, Object> m = new LinkedHashMap<>();
      b.parts().forEach(p -> m.put(camel(p.name()), p.bytes()));
      m.put("totalFlinkMemory", b.flinkBytes());
      m.put("process", b.processBytes());
      m.put("jvmOptions", b.jvmOptions());
      return m;
    });
  }
}
