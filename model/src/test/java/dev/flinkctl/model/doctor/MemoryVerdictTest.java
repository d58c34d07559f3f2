package dev.flinkctl.model.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.Seeds;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated memory settings, each judged twice: by the doctor and by the startup code
 * (BashJavaUtils) of the spec's own Flink version, 1.18 to 2.2. The doctor must never throw, must
 * report an error exactly when that Flink refuses to start, and must size the JVM as Flink does.
 * Since the doctor runs Flink 1.20's classes for every version, this is also the check that the
 * memory arithmetic is the same across versions (flink-facts.md) apart from the legacy heap keys.
 */
class MemoryVerdictTest {
  static final int SPECS = 2000;

  /** A spec in YAML, and the memory settings Flink's configuration file will hold for it. */
  record Generated(FlinkVersion version, String yaml, Map<String, String> flinkSees) {}

  @Test
  void doctorAgreesWithEveryVersionsStartupCode() {
    Random random = new Random(20261122);
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < SPECS; i++) {
      Generated g = generate(random);
      FlinkCluster cluster = Seeds.parse(g.yaml(), "generated");
      // The doctor's rules run inside ClusterResolver; the whole report (render included) on every twentieth.
      ClusterResolver.Result[] resolved = new ClusterResolver.Result[1];
      assertThatCode(() -> resolved[0] = ClusterResolver.resolve(cluster)).as(g.yaml()).doesNotThrowAnyException();
      if (i % 20 == 0) {
        assertThatCode(() -> Doctor.examine(cluster)).as(g.yaml()).doesNotThrowAnyException();
      }
      FlinkJars flink = FlinkJars.of(g.version());
      FlinkJars.Verdict tm = flink.taskManager(g.flinkSees());
      FlinkJars.Verdict jm = flink.jobManager(g.flinkSees());
      assertThat(reports(resolved[0], "memory-taskmanager")).as("TaskManager verdict, Flink %s said %s, for\n%s",
          g.version(), tm.refusal(), g.yaml()).isEqualTo(!tm.accepted());
      assertThat(reports(resolved[0], "memory-jobmanager")).as("JobManager verdict, Flink %s said %s, for\n%s",
          g.version(), jm.refusal(), g.yaml()).isEqualTo(!jm.accepted());
      if (resolved[0].cluster() != null) {
        RuleContext ctx = new RuleContext(cluster, resolved[0].cluster());
        assertSameJvm(MemoryRules.taskManager(ctx).orElseThrow(), tm.output().orElseThrow(), g);
        assertSameJvm(MemoryRules.jobManager(ctx).orElseThrow(), jm.output().orElseThrow(), g);
      }
      counts.merge(g.version() + (tm.accepted() ? " tm-ok" : " tm-refused"), 1, Integer::sum);
      counts.merge(g.version() + (jm.accepted() ? " jm-ok" : " jm-refused"), 1, Integer::sum);
    }
    // Both verdicts are exercised for every version, or the agreement above proves little.
    for (FlinkVersion v : FlinkVersion.SUPPORTED) {
      for (String kind : List.of(" tm-ok", " tm-refused", " jm-ok", " jm-refused")) {
        assertThat(counts.getOrDefault(v + kind, 0)).as("%s%s in %s", v, kind, counts).isGreaterThan(20);
      }
    }
  }

  private static boolean reports(ClusterResolver.Result result, String rule) {
    return result.findings().stream().map(Finding::rule).anyMatch(rule::equals);
  }

  /** JobManagers get -XX:MaxDirectMemorySize only when jobmanager.memory.enable-jvm-direct-memory-limit is on. */
  private static void assertSameJvm(MemoryBreakdown doctor, List<String> flinkOutput, Generated g) {
    String jvm = flinkOutput.get(0);
    assertThat(option(jvm, "-Xmx")).as("%s heap for\n%s", doctor.component(), g.yaml()).isEqualTo(doctor.heapBytes());
    assertThat(option(jvm, "-XX:MaxMetaspaceSize=")).as(jvm).isEqualTo(doctor.metaspaceBytes());
    assertThat(jvm.contains("MaxDirectMemorySize")).as(jvm).isEqualTo(doctor.directLimited());
    if (doctor.directLimited()) {
      assertThat(option(jvm, "-XX:MaxDirectMemorySize=")).as(jvm).isEqualTo(doctor.directBytes());
    }
  }

  private static long option(String jvm, String name) {
    Matcher m = Pattern.compile(Pattern.quote(name) + "(\\d+)").matcher(jvm);
    assertThat(m.find()).as("%s in %s", name, jvm).isTrue();
    return Long.parseLong(m.group(1));
  }

  static Generated generate(Random r) {
    FlinkVersion version = FlinkVersion.SUPPORTED.get(r.nextInt(FlinkVersion.SUPPORTED.size()));
    long tm = r.nextInt(10) < 6 ? 256 + r.nextInt(3840) : r.nextInt(10) < 8 ? 4096 + r.nextInt(12288) : 64 + r.nextInt(960);
    long jm = 200 + r.nextInt(3900);
    Map<String, String> conf = new TreeMap<>();
    maybe(r, conf, "taskmanager.memory.flink.size", () -> size(r, tm * 3 / 10, tm * 11 / 10));
    maybe(r, conf, "taskmanager.memory.managed.fraction", () -> fraction(r, -0.1, 1.2));
    maybe(r, conf, "taskmanager.memory.managed.size", () -> size(r, 0, tm / 2));
    maybe(r, conf, "taskmanager.memory.network.fraction", () -> fraction(r, 0, 0.6));
    maybe(r, conf, "taskmanager.memory.network.min", () -> size(r, 16, 512));
    maybe(r, conf, "taskmanager.memory.network.max", () -> size(r, 32, 2048));
    maybe(r, conf, "taskmanager.memory.task.heap.size", () -> size(r, 64, tm / 2 + 64));
    maybe(r, conf, "taskmanager.memory.framework.heap.size", () -> size(r, 32, 512));
    maybe(r, conf, "taskmanager.memory.framework.off-heap.size", () -> size(r, 32, 512));
    maybe(r, conf, "taskmanager.memory.task.off-heap.size", () -> size(r, 0, 512));
    maybe(r, conf, "taskmanager.memory.jvm-overhead.min", () -> size(r, 64, 512));
    maybe(r, conf, "taskmanager.memory.jvm-overhead.max", () -> size(r, 128, 2048));
    maybe(r, conf, "taskmanager.memory.jvm-overhead.fraction", () -> fraction(r, 0, 0.5));
    maybe(r, conf, "taskmanager.memory.jvm-metaspace.size", () -> size(r, 64, 512));
    maybe(r, conf, "jobmanager.memory.flink.size", () -> size(r, jm * 3 / 10, jm * 11 / 10));
    maybe(r, conf, "jobmanager.memory.heap.size", () -> size(r, 64, jm));
    maybe(r, conf, "jobmanager.memory.off-heap.size", () -> size(r, 16, 512));
    maybe(r, conf, "jobmanager.memory.jvm-overhead.min", () -> size(r, 64, 512));
    maybe(r, conf, "jobmanager.memory.jvm-overhead.max", () -> size(r, 128, 2048));
    maybe(r, conf, "jobmanager.memory.jvm-overhead.fraction", () -> fraction(r, 0, 0.5));
    maybe(r, conf, "jobmanager.memory.jvm-metaspace.size", () -> size(r, 64, 512));
    if (r.nextInt(10) == 0) {
      conf.put("jobmanager.memory.enable-jvm-direct-memory-limit", "true");
    }
    // Flink 1.x maps the pre-1.10 heap keys onto the new options; 2.x ignores them.
    if (r.nextInt(20) == 0) {
      conf.put(r.nextBoolean() ? "taskmanager.heap.size" : "jobmanager.heap.size", size(r, 256, 4096));
    }
    if (r.nextInt(40) == 0) {
      conf.put(r.nextBoolean() ? "taskmanager.heap.mb" : "jobmanager.heap.mb", Long.toString(256 + r.nextInt(2048)));
    }
    if (r.nextInt(100) == 0) {
      conf.put(r.nextBoolean() ? "taskmanager.memory.network.min" : "jobmanager.memory.off-heap.size", "lots");
    }
    StringBuilder yaml = new StringBuilder("""
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkCluster
        metadata: {name: generated}
        spec:
          image: flink:%s
          jobManager: {resources: {memory: %dm}}
          taskManager: {resources: {memory: %dm}}
          flinkConfiguration:
        """.formatted(version, jm, tm));
    conf.forEach((k, v) -> yaml.append("    ").append(k).append(": \"").append(v).append("\"\n"));
    Map<String, String> flinkSees = new HashMap<>(conf);
    flinkSees.put("taskmanager.memory.process.size", tm + "m");
    flinkSees.put("jobmanager.memory.process.size", jm + "m");
    flinkSees.put("taskmanager.numberOfTaskSlots", "1");
    return new Generated(version, yaml.toString(), flinkSees);
  }

  private static void maybe(Random r, Map<String, String> conf, String key, java.util.function.Supplier<String> value) {
    if (r.nextInt(100) < 12) {
      conf.put(key, value.get());
    }
  }

  /** Mebibytes mostly, now and then in other units Flink reads: 1g, 262144k, bare bytes. */
  private static String size(Random r, long fromMiB, long toMiB) {
    long mib = fromMiB + (toMiB > fromMiB ? (long) (r.nextDouble() * (toMiB - fromMiB)) : 0);
    return switch (r.nextInt(10)) {
      case 0 -> mib * 1024 + "k";
      case 1 -> Long.toString(mib * 1024 * 1024);
      case 2 -> mib % 1024 == 0 ? mib / 1024 + "g" : mib + "mb";
      default -> mib + "m";
    };
  }

  private static String fraction(Random r, double from, double to) {
    return String.format(Locale.ROOT, "%.2f", from + r.nextDouble() * (to - from));
  }
}
