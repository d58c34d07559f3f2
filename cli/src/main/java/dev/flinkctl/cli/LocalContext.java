package dev.flinkctl.cli;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.local.LocalLayout;
import dev.flinkctl.local.LocalPlatform;
import dev.flinkctl.local.LocalStore;
import dev.flinkctl.local.Supervisor;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.ResolvedCluster;
import java.io.PrintWriter;
import java.time.Clock;

/** The local platform as the CLI uses it: state under $FLINKCTL_HOME (default ~/.flinkctl). */
final class LocalContext {
  final LocalLayout layout;
  final LocalStore store;
  final LocalPlatform platform;
  final Supervisor supervisor;

  LocalContext(PrintWriter progress) {
    layout = LocalLayout.fromEnvironment();
    store = new LocalStore(layout);
    platform = new LocalPlatform(layout, line -> progress.println("  " + line));
    supervisor = new Supervisor(store, platform, Clock.systemUTC(), line -> progress.println("  " + line));
  }

  FlinkCluster cluster(String name) {
    return store.cluster(name).orElseThrow(() -> new UserException("no local cluster named '" + name
        + "'; known: " + (store.names().isEmpty() ? "none (start one with flinkctl up -f FILE)" : store.names())));
  }

  ResolvedCluster resolved(String name) {
    return ClusterResolver.resolve(cluster(name)).orThrow();
  }
}
