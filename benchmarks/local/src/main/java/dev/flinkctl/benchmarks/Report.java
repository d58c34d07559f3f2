package dev.flinkctl.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The Markdown that goes into docs/benchmarks.md: headline table, breakdowns, every run. */
final class Report {
  /**
   * One interleaved round: a floor, an up with its savepoint cycle, a CLI up (null when skipped),
   * and the 1-minute load average when it began, since other work on the machine skews everything.
   */
  record Round(double load, FloorRun.Result floor, UpRun.Result up, CliRun.Result cli) {
    List<String> disturbances() {
      List<String> all = new ArrayList<>(up.disturbances());
      if (cli != null) {
        all.addAll(cli.disturbances());
      }
      return all;
    }

    double upMs() {
      return up.up().get(UpRun.STATUS_RUNNING).orElseThrow();
    }

    double ratio() {
      return upMs() / floor.readyMs();
    }
  }

  /** What a deploy goes through, in the order it usually happens. */
  private static final String[] STARTUP = {UpRun.DEPLOY_STEP, FloorRun.JM_SPAWNED, FloorRun.TM_SPAWNED,
      UpRun.DEPLOY_DONE, FlinkProbe.REST_UP, FlinkProbe.TM_REGISTERED, FlinkProbe.JOB_SUBMITTED,
      FlinkProbe.JOB_RUNNING, UpRun.STATUS_RUNNING, FlinkProbe.TASKS_RUNNING};

  private final List<Round> rounds;
  private final List<String> repeated;
  private final StringBuilder md = new StringBuilder();

  Report(List<Round> rounds, List<String> repeated) {
    this.rounds = rounds;
    this.repeated = repeated;
  }

  String markdown() {
    headline();
    md.append("\nWhere the time goes: each event's median time in ms from the start (medians taken per event).\n");
    timeline("Floor, from the first spawn", r -> r.floor().timeline(),
        FloorRun.JM_SPAWNED, FloorRun.TM_SPAWNED, FlinkProbe.REST_UP, FlinkProbe.TM_REGISTERED);
    timeline("`up` in-process, from store.apply", r -> r.up().up(), STARTUP);
    if (rounds.get(0).cli() != null) {
      timeline("`flinkctl up -d`, from the command's start", r -> r.cli().up(), CliRun.SPEC_STORED,
          CliRun.SUPERVISOR_SPAWNED, CliRun.FIRST_STEP, FloorRun.JM_SPAWNED, FloorRun.TM_SPAWNED,
          FlinkProbe.REST_UP, FlinkProbe.TM_REGISTERED, FlinkProbe.JOB_SUBMITTED, FlinkProbe.JOB_RUNNING,
          CliRun.STATUS_RUNNING, CliRun.UP_RETURNED);
    }
    timeline("Suspend (job.state: suspended), from store.apply", r -> r.up().suspend(), UpRun.STOP_SENT,
        UpRun.SAVEPOINT_DONE, UpRun.TEARDOWN_STEP, UpRun.SUSPENDED);
    timeline("Resume (job.state: running), from store.apply", r -> r.up().resume(), STARTUP);
    perRun();
    if (!repeated.isEmpty()) {
      md.append("\n").append(repeated.size()).append(" round(s) were discarded and repeated because a Flink process")
          .append(" had to be restarted (another process on the machine took its port):\n");
      repeated.forEach(r -> md.append("- ").append(r).append('\n'));
    }
    return md.toString();
  }

  private void headline() {
    md.append("| measurement (seconds) | min | median | max |\n|---|---:|---:|---:|\n");
    row("**floor**: JobManager + TaskManager JVMs → TaskManager registered", r -> r.floor().readyMs());
    row("BashJavaUtils for the JobManager (one JVM run)", r -> r.floor().bashJavaUtilsJmMs());
    row("BashJavaUtils for the TaskManager (one JVM run)", r -> r.floor().bashJavaUtilsTmMs());
    row("floor + both BashJavaUtils runs (what Flink's own scripts do)", r -> r.floor().withBashJavaUtilsMs());
    row("**`up` → RUNNING** (store.apply → status Running, job RUNNING)", Round::upMs);
    row("`up` → all tasks RUNNING (Flink REST)", r -> at(r.up().up(), FlinkProbe.TASKS_RUNNING));
    ratioRow("**ratio `up` → RUNNING / floor** (per interleaved pair)", Round::upMs);
    ratioRow("ratio `up` → all tasks RUNNING / floor", r -> at(r.up().up(), FlinkProbe.TASKS_RUNNING));
    if (rounds.get(0).cli() != null) {
      row("`flinkctl up -d -f bench.yaml` (the command, start → exit)", r -> at(r.cli().up(), CliRun.UP_RETURNED));
      ratioRow("ratio `flinkctl up -d` / floor", r -> at(r.cli().up(), CliRun.UP_RETURNED));
      row("…of which until status Running was written", r -> at(r.cli().up(), CliRun.STATUS_RUNNING));
      row("`flinkctl version` (a cold flinkctl JVM, for scale)", r -> r.cli().versionMs());
      row("`flinkctl down bench`", r -> r.cli().downMs());
    }
    row("suspend: stop-with-savepoint + teardown → Suspended", r -> at(r.up().suspend(), UpRun.SUSPENDED));
    row("resume: restore from the savepoint → RUNNING", r -> at(r.up().resume(), UpRun.STATUS_RUNNING));
    row("savepoint cycle (suspend + resume)",
        r -> at(r.up().suspend(), UpRun.SUSPENDED) + at(r.up().resume(), UpRun.STATUS_RUNNING));
  }

  private void row(String label, ToDoubleFunction<Round> ms) {
    Stats s = Stats.of(rounds.stream().map(r -> ms.applyAsDouble(r)).toList());
    md.append("| ").append(label).append(" | ").append(Stats.seconds(s.min())).append(" | ")
        .append(Stats.seconds(s.median())).append(" | ").append(Stats.seconds(s.max())).append(" |\n");
  }

  private void ratioRow(String label, ToDoubleFunction<Round> ms) {
    Stats s = Stats.of(rounds.stream().map(r -> ms.applyAsDouble(r) / r.floor().readyMs()).toList());
    md.append("| ").append(label).append(" | ").append(Stats.ratio(s.min())).append(" | **")
        .append(Stats.ratio(s.median())).append("** | ").append(Stats.ratio(s.max())).append(" |\n");
  }

  private void timeline(String title, Function<Round, Timeline> of, String... events) {
    md.append("\n| ").append(title).append(" | median ms | min | max |\n|---|---:|---:|---:|\n");
    for (String event : events) {
      List<Long> samples = new ArrayList<>();
      for (Round r : rounds) {
        Timeline t = of.apply(r);
        OptionalLong v = t.get(event).isPresent() ? t.get(event) : t.duration(event);
        v.ifPresent(samples::add);
      }
      Stats s = Stats.of(samples);
      String missing = samples.size() < rounds.size() ? " (seen in " + samples.size() + " runs)" : "";
      md.append("| ").append(event).append(missing).append(" | ").append(ms(s.median())).append(" | ")
          .append(ms(s.min())).append(" | ").append(ms(s.max())).append(" |\n");
    }
  }

  private void perRun() {
    boolean cli = rounds.get(0).cli() != null;
    md.append("\nEvery run (seconds), in the order they ran:\n\n")
        .append("| run | load avg | floor | floor + BashJavaUtils | `up` → RUNNING | ratio |")
        .append(cli ? " `up -d` |" : "").append(" suspend | resume |\n|---:|---:|---:|---:|---:|---:|")
        .append(cli ? "---:|" : "").append("---:|---:|\n");
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      md.append("| ").append(i + 1).append(r.disturbances().isEmpty() ? "" : " (restarts)").append(" | ").append(String.format(java.util.Locale.ROOT, "%.1f", r.load()))
          .append(" | ").append(Stats.seconds(r.floor().readyMs())).append(" | ")
          .append(Stats.seconds(r.floor().withBashJavaUtilsMs())).append(" | ").append(Stats.seconds(r.upMs()))
          .append(" | ").append(Stats.ratio(r.ratio())).append(" | ");
      if (cli) {
        md.append(Stats.seconds(at(r.cli().up(), CliRun.UP_RETURNED))).append(" | ");
      }
      md.append(Stats.seconds(at(r.up().suspend(), UpRun.SUSPENDED))).append(" | ")
          .append(Stats.seconds(at(r.up().resume(), UpRun.STATUS_RUNNING))).append(" |\n");
    }
  }

  private static double at(Timeline t, String event) {
    OptionalLong v = t.get(event);
    return v.isPresent() ? v.getAsLong() : Double.NaN;
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "–" : Long.toString(Math.round(v));
  }
}
