package dev.flinkctl.cli;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterStatus;
import dev.flinkctl.api.Phase;
import dev.flinkctl.local.BackgroundSupervisor;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.InvalidSpecException;
import dev.flinkctl.model.Manifests;
import dev.flinkctl.model.ResolvedCluster;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "up", description = {
    "Run each FlinkCluster in FILE on this machine as real Flink processes, or apply a changed FILE.",
    "Stays in the foreground showing progress; Ctrl-C stops the clusters. -d runs the control loop in the background."})
final class UpCommand implements Callable<Integer> {
  static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  @Spec
  CommandSpec spec;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "FlinkCluster YAML; - reads standard input.")
  String file;

  @Option(names = {"-d", "--detach"}, description = "Return once the clusters run; a background process keeps them as specified.")
  boolean detach;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Manifests.Parsed parsed = ManifestFiles.read(file, System.in);
    List<FlinkCluster> clusters = validated(parsed.clusters(), err);
    LocalContext local = new LocalContext(err);
    List<String> names = new ArrayList<>();
    for (FlinkCluster c : clusters) {
      local.store.apply(withAbsoluteJar(c));
      names.add(c.getMetadata().getName());
    }
    List<String> managed = names.stream().filter(n -> BackgroundSupervisor.find(local.layout, n).isPresent()).toList();
    if (detach || !managed.isEmpty()) {
      managed.forEach(n -> err.println(n + ": applied; its background supervisor carries the change out"));
      names.stream().filter(n -> !managed.contains(n))
          .forEach(n -> BackgroundSupervisor.start(local.layout, n, Flinkctl.class.getName()));
      return awaitRunning(local, names, out);
    }
    return foreground(local, names, out, err);
  }

  /** A relative jar path means "from here"; stored absolute so the background loop finds it from anywhere. */
  static FlinkCluster withAbsoluteJar(FlinkCluster c) {
    if (c.getSpec() == null || c.getSpec().job() == null) {
      return c;
    }
    String uri = c.getSpec().job().jarURI();
    if (uri != null && !uri.contains("://") && !uri.startsWith("file:") && !uri.startsWith("/")) {
      String absolute = java.nio.file.Path.of(uri).toAbsolutePath().toUri().toString();
      c.setSpec(c.getSpec().withJob(c.getSpec().job().withJarURI(absolute)));
    }
    return c;
  }

  /** Everything is checked before anything starts, so bad input never leaves half a cluster behind. */
  private static List<FlinkCluster> validated(List<FlinkCluster> clusters, PrintWriter err) {
    List<Finding> errors = new ArrayList<>();
    for (FlinkCluster c : clusters) {
      ClusterResolver.Result r = ClusterResolver.resolve(c);
      for (Finding f : r.findings()) {
        if (f.isError()) {
          errors.add(f);
        } else if (f.severity() == dev.flinkctl.model.Severity.WARNING) {
          err.println("warning: " + c.getMetadata().getName() + ": " + f.oneLine());
        }
      }
      if (r.cluster() != null) {
        errors.addAll(LocalPreflight.check(r.cluster()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidSpecException(errors);
    }
    return clusters;
  }

  private static int awaitRunning(LocalContext local, List<String> names, PrintWriter out) {
    Progress progress = new Progress(out);
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      boolean allSettled = true;
      boolean failed = false;
      for (String name : names) {
        FlinkClusterStatus s = local.store.status(name).orElse(FlinkClusterStatus.initial());
        progress.show(name, s);
        boolean current = s.observedGeneration() != null
            && s.observedGeneration().equals(local.cluster(name).getMetadata().getGeneration());
        allSettled &= current && settled(s.phase(), local.cluster(name));
        failed |= current && (s.phase() == Phase.Failed || s.phase() == Phase.Invalid);
      }
      if (allSettled) {
        if (failed) {
          names.forEach(n -> reportFailure(local, n, out));
          return 1;
        }
        names.forEach(n -> printUrl(local, n, out));
        return 0;
      }
      sleep(Duration.ofMillis(500));
    }
    out.println("still not running after " + READY_TIMEOUT.toMinutes() + " minutes; see flinkctl status and flinkctl logs");
    return 1;
  }

  /** Suspended counts as done only when the spec asks for it; otherwise it is the state before a resume. */
  private static boolean settled(Phase p, FlinkCluster desired) {
    boolean wantSuspended = desired.getSpec().job() != null
        && desired.getSpec().job().state() == dev.flinkctl.api.JobState.SUSPENDED;
    return p == Phase.Running || p == Phase.Failed || p == Phase.Invalid || wantSuspended && p == Phase.Suspended;
  }

  private static int foreground(LocalContext local, List<String> names, PrintWriter out, PrintWriter err) {
    AtomicBoolean stop = new AtomicBoolean();
    Thread loop = Thread.currentThread();
    Thread hook = new Thread(() -> {
      stop.set(true);
      err.println("stopping...");
      try {
        loop.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (String n : names) {
        ResolvedCluster c = ClusterResolver.resolve(local.cluster(n)).cluster();
        if (c != null) {
          local.platform.tearDown(c);
        }
        err.println(n + ": stopped (state kept in " + local.layout.cluster(n) + ")");
      }
      err.flush();
    });
    Runtime.getRuntime().addShutdownHook(hook);
    Progress progress = new Progress(out);
    java.util.Set<String> announced = new java.util.HashSet<>();
    while (!stop.get()) {
      Duration next = Duration.ofSeconds(2);
      for (String n : names) {
        try {
          var step = local.supervisor.step(n);
          progress.show(n, step.status());
          if (step.status().phase() == Phase.Running && announced.add(n)) {
            printUrl(local, n, out);
          }
          next = step.next().compareTo(next) < 0 ? step.next() : next;
        } catch (RuntimeException e) {
          err.println(n + ": " + e.getMessage());
        }
      }
      sleep(next);
    }
    return 0;
  }

  /** Says why, and leaves nothing half-started behind: the status keeps the story, the processes go. */
  private static void reportFailure(LocalContext local, String name, PrintWriter out) {
    FlinkClusterStatus s = local.store.status(name).orElseThrow();
    if (s.phase() != Phase.Failed && s.phase() != Phase.Invalid) {
      printUrl(local, name, out);
      return;
    }
    String why = s.conditions() == null ? null : s.conditions().stream()
        .filter(c -> "False".equals(c.getStatus())).map(c -> c.getMessage()).findFirst().orElse(null);
    out.println(name + ": failed: " + (why != null ? why : s.reconciliationOrEmpty().lastError()));
    BackgroundSupervisor.stop(local.layout, name);
    ResolvedCluster c = ClusterResolver.resolve(local.cluster(name)).cluster();
    if (c != null) {
      local.platform.tearDown(c);
    }
    out.println(name + ": stopped; logs: flinkctl logs " + name + ", status: flinkctl status " + name);
  }

  static void printUrl(LocalContext local, String name, PrintWriter out) {
    local.store.status(name).map(FlinkClusterStatus::restUrl)
        .ifPresent(url -> out.println(name + ": Flink web UI at " + url));
    out.flush();
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
