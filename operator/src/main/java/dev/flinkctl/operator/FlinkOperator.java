package dev.flinkctl.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running operator: the JOSDK controller for FlinkClusters plus its HTTP endpoints. */
public final class FlinkOperator implements AutoCloseable {
  static final Duration RENEW_CHECK = Duration.ofHours(6);
  private static final Logger LOG = LoggerFactory.getLogger(FlinkOperator.class);
  private final Operator operator;
  private final HttpEndpoints http;
  private final WebhookServer webhook;
  private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "flinkctl-webhook-certificates");
    t.setDaemon(true);
    return t;
  });
  private final OperatorMetrics metrics = new OperatorMetrics();

  /**
   * @param exitOnLostLease a replica that stops leading exits, so that it cannot reconcile next to
   *     the new leader; tests that stop operators in one JVM turn that off
   */
  private FlinkOperator(KubernetesClient client, OperatorSettings settings, RestEndpoints rest, Clock clock,
      boolean exitOnLostLease) {
    String identity = settings.identity();
    operator = new Operator(o -> {
      o.withKubernetesClient(client).withCloseClientOnStop(false);
      if (settings.leaderElection()) {
        o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(OperatorSettings.NAME,
            settings.ownNamespace(), LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
            LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
            LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, identity, null, exitOnLostLease));
      }
    });
    FlinkClusterReconciler reconciler = new FlinkClusterReconciler(client, rest, clock,
        new EventRecorder(client, clock, identity), metrics, settings.cleanupTimeout());
    operator.register(reconciler, c -> {
      if (settings.watchNamespaces().isEmpty()) {
        c.watchingAllNamespaces();
      } else {
        c.settingNamespaces(settings.watchNamespaces());
      }
    });
    operator.start();
    LOG.info("flinkctl operator {} started as {}, watching {}", OperatorVersion.get(), identity,
        settings.watchNamespaces().isEmpty() ? "all namespaces" : String.join(",", settings.watchNamespaces()));
    webhook = settings.webhook() ? startWebhook(client, settings, clock) : null;
    http = new HttpEndpoints(settings.httpPort(), metrics::prometheus,
        () -> operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy());
  }

  /** Every replica serves the webhook (the Service picks any), with the certificate from the shared Secret. */
  private WebhookServer startWebhook(KubernetesClient client, OperatorSettings settings, Clock clock) {
    if (settings.ownNamespace() == null) {
      throw new IllegalStateException("the webhook needs POD_NAMESPACE: where its certificate Secret lives");
    }
    WebhookCertificates certificates = new WebhookCertificates(client, settings.ownNamespace(), clock);
    WebhookServer server = new WebhookServer(settings.webhookPort(), certificates.ensure().serving());
    renewals.scheduleWithFixedDelay(() -> {
      try {
        server.use(certificates.ensure().serving());
      } catch (RuntimeException e) {
        LOG.warn("webhook certificate check failed, retrying in {}: {}", RENEW_CHECK, e.toString());
      }
    }, RENEW_CHECK.toMinutes(), RENEW_CHECK.toMinutes(), TimeUnit.MINUTES);
    return server;
  }

  public static FlinkOperator start(KubernetesClient client, OperatorSettings settings) {
    return new FlinkOperator(client, settings, settings.restEndpoints(), Clock.systemUTC(), true);
  }

  /** For tests: Flink's REST API reached wherever {@code rest} says. */
  static FlinkOperator start(KubernetesClient client, OperatorSettings settings, RestEndpoints rest) {
    return new FlinkOperator(client, settings, rest, Clock.systemUTC(), false);
  }

  int httpPort() {
    return http.port();
  }

  OperatorMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    renewals.shutdownNow();
    if (webhook != null) {
      webhook.close();
    }
    http.close();
    operator.stop();
  }
}
