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
    timeline("Floor (first-attempt runs), from the first spawn",
        r -> r.floor().tmRetried() ? null : r.floor().timeline(),
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
    long clean = rounds.stream().filter(r -> !r.floor().tmRetried()).count();
    md.append("| measurement (seconds) | min | median | max |\n|---|---:|---:|---:|\n");
    row("**floor**: JobManager + TaskManager JVMs → TaskManager registered, runs where it registered at the"
        + " first attempt (" + clean + " of " + rounds.size() + ")", r -> r.floor().tmRetried() ? Double.NaN
            : r.floor().readyMs());
    row("floor, runs where the TaskManager waited out Flink's 10 s registration retry (" + (rounds.size() - clean)
        + " of " + rounds.size() + ")", r -> r.floor().tmRetried() ? r.floor().readyMs() : Double.NaN);
    row("floor, all runs", r -> r.floor().readyMs());
    row("BashJavaUtils for the JobManager (one JVM run)", r -> r.floor().bashJavaUtilsJmMs());
    row("BashJavaUtils for the TaskManager (one JVM run)", r -> r.floor().bashJavaUtilsTmMs());
    row("floor (first-attempt runs) + both BashJavaUtils runs, as Flink's own scripts start them",
        r -> r.floor().tmRetried() ? Double.NaN : r.floor().withBashJavaUtilsMs());
    row("**`up` → RUNNING** (store.apply → status Running, job RUNNING)", Round::upMs);
    row("`up` → all tasks RUNNING (Flink REST)", r -> at(r.up().up(), FlinkProbe.TASKS_RUNNING));
    ratioRow("**ratio `up` → RUNNING / floor** (interleaved pairs, floor at first attempt)", Round::upMs);
    ratioRow("ratio `up` → all tasks RUNNING / floor (same pairs)", r -> at(r.up().up(), FlinkProbe.TASKS_RUNNING));
    if (rounds.get(0).cli() != null) {
      row("`flinkctl up -d -f bench.yaml` (the command, start → exit)", r -> at(r.cli().up(), CliRun.UP_RETURNED));
      ratioRow("**ratio `flinkctl up -d` / floor** (same pairs)", r -> at(r.cli().up(), CliRun.UP_RETURNED));
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

  /** Per interleaved pair, leaving out pairs whose floor includes the 10 s retry: that is no floor. */
  private void ratioRow(String label, ToDoubleFunction<Round> ms) {
    Stats s = Stats.of(rounds.stream().filter(r -> !r.floor().tmRetried())
        .map(r -> ms.applyAsDouble(r) / r.floor().readyMs()).toList());
    md.append("| ").append(label).append(" | ").append(Stats.ratio(s.min())).append(" | **")
        .append(Stats.ratio(s.median())).append("** | ").append(Stats.ratio(s.max())).append(" |\n");
  }

  private void timeline(String title, Function<Round, Timeline> of, String... events) {
    md.append("\n| ").append(title).append(" | median ms | min | max |\n|---|---:|---:|---:|\n");
    for (String event : events) {
      List<Long> samples = new ArrayList<>();
      int considered = 0;
      for (Round r : rounds) {
        Timeline t = of.apply(r);
        if (t == null) {
          continue; // not part of this breakdown
        }
        considered++;
        OptionalLong v = t.get(event).isPresent() ? t.get(event) : t.duration(event);
        v.ifPresent(samples::add);
      }
      Stats s = Stats.of(samples);
      String missing = samples.size() < considered ? " (seen in " + samples.size() + " runs)" : "";
      md.append("| ").append(event).append(missing).append(" | ").append(ms(s.median())).append(" | ")
          .append(ms(s.min())).append(" | ").append(ms(s.max())).append(" |\n");
    }
  }

  private void perRun() {
    boolean cli = rounds.get(0).cli() != null;
    md.append("\nEvery run (seconds), in the order they ran; † marks a time that includes the TaskManager's")
        .append(" 10 s registration retry:\n\n")
        .append("| run | load avg | floor | floor + BashJavaUtils | `up` → RUNNING | ratio |")
        .append(cli ? " `up -d` |" : "").append(" suspend | resume |\n|---:|---:|---:|---:|---:|---:|")
        .append(cli ? "---:|" : "").append("---:|---:|\n");
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      String floorMark = r.floor().tmRetried() ? " †" : "";
      md.append("| ").append(i + 1).append(r.disturbances().isEmpty() ? "" : " (restarts)").append(" | ")
          .append(String.format(java.util.Locale.ROOT, "%.1f", r.load())).append(" | ")
          .append(Stats.seconds(r.floor().readyMs())).append(floorMark).append(" | ")
          .append(Stats.seconds(r.floor().withBashJavaUtilsMs())).append(floorMark).append(" | ")
          .append(Stats.seconds(r.upMs())).append(r.up().upRetries() > 0 ? " †" : "").append(" | ")
          .append(Stats.ratio(r.ratio())).append(" | ");
      if (cli) {
        md.append(Stats.seconds(at(r.cli().up(), CliRun.UP_RETURNED))).append(r.cli().retries() > 0 ? " †" : "")
            .append(" | ");
      }
      md.append(Stats.seconds(at(r.up().suspend(), UpRun.SUSPENDED))).append(" | ")
          .append(Stats.seconds(at(r.up().resume(), UpRun.STATUS_RUNNING)))
          .append(r.up().resumeRetries() > 0 ? " †" : "").append(" |\n");
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
