package dev.flinkctl.model.kubernetes;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.ClusterResolver;
import dev.flinkctl.model.ConfigFile;
import dev.flinkctl.model.EffectiveConfig;
import dev.flinkctl.model.Finding;
import dev.flinkctl.model.FlinkConfiguration;
import dev.flinkctl.model.Hashes;
import dev.flinkctl.model.InvalidSpecException;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.LogConfiguration;
import dev.flinkctl.model.ResolvedCluster;
import dev.flinkctl.model.doctor.Doctor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** FlinkCluster to the Kubernetes objects that run it. Pure: the same input gives the same objects. */
public final class KubernetesModel {
  private KubernetesModel() {}

  /**
   * @param objects in apply order: identities and RBAC, configuration, services, workloads, budgets
   * @param findings warnings and notes (errors throw instead)
   */
  public record Rendered(ResolvedCluster cluster, EffectiveConfig config, List<HasMetadata> objects,
      List<Finding> findings) {}

  /** Renders the first run of the cluster. */
  public static Rendered render(FlinkCluster resource) {
    return render(resource, JobLaunch::initial);
  }

  /**
   * @param launch how an application cluster's job starts; the control loop passes what it recorded
   * @throws InvalidSpecException with every finding, when any is an error
   */
  public static Rendered render(FlinkCluster resource, Function<ResolvedCluster, JobLaunch> launch) {
    ClusterResolver.Result resolved = ClusterResolver.resolve(resource);
    ResolvedCluster c = resolved.orThrow();
    List<Finding> findings = new ArrayList<>(resolved.findings());
    if (c.isApplication()) {
      findings.addAll(jarInImage(c.job().spec().jarURI()));
    }
    EffectiveConfig config = FlinkConfiguration.forKubernetes(c);
    findings.addAll(config.derived());
    findings.addAll(Doctor.checkKubernetes(resource, c));
    ConfigFile.Rendered configFile = ConfigFile.render(c.version(), config.entries());
    findings.addAll(configFile.problems());

    SortedMap<String, String> files = new TreeMap<>(LogConfiguration.files(c));
    files.put(configFile.fileName(), configFile.text());
    Ports ports = Ports.from(config, findings);
    RenderContext ctx = new RenderContext(c, config, configFile.fileName(), Hashes.of(files), ports,
        owners(resource), c.isApplication() ? launch.apply(c) : null);

    List<HasMetadata> objects = new ArrayList<>(HaObjects.build(ctx));
    objects.add(FlinkConfigMap.build(ctx, files));
    objects.add(FlinkServices.rest(ctx));
    objects.addAll(FlinkServices.rpc(ctx));
    objects.add(JobManagerDeployment.build(ctx, files, findings));
    objects.add(TaskManagerDeployment.build(ctx, files, findings));
    objects.addAll(HaObjects.disruptionBudget(ctx));
    if (findings.stream().anyMatch(Finding::isError)) {
      throw new InvalidSpecException(findings);
    }
    return new Rendered(c, config, List.copyOf(objects), List.copyOf(findings));
  }

  static final String USRLIB = "/opt/flink/usrlib/";

  /** The official image's standalone-job entrypoint runs what the image holds in usrlib; nothing is downloaded. */
  static List<Finding> jarInImage(String jarURI) {
    if (!jarURI.startsWith("local://")) {
      return List.of(Finding.error("job-jar-kubernetes", "spec.job.jarURI",
          "'" + jarURI + "' is not in the image; on Kubernetes the job jar must be built into the image",
          "use local://" + USRLIB + "NAME.jar (flinkctl up also reads file:// and plain paths)"));
    }
    if (!jarURI.substring("local://".length()).startsWith(USRLIB)) {
      return List.of(Finding.warning("job-jar-usrlib", "spec.job.jarURI",
          "the entrypoint puts only " + USRLIB + " on the job's classpath; " + jarURI + " is elsewhere",
          "copy the jar to " + USRLIB + " in the image"));
    }
    return List.of();
  }

  /** Owner references need the resource's uid, which only an API server assigns; a plain render has none. */
  private static List<OwnerReference> owners(FlinkCluster resource) {
    if (resource.getMetadata() == null || resource.getMetadata().getUid() == null) {
      return List.of();
    }
    return List.of(new OwnerReferenceBuilder()
        .withApiVersion(FlinkCluster.API_VERSION)
        .withKind(FlinkCluster.KIND)
        .withName(resource.getMetadata().getName())
        .withUid(resource.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build());
  }
}
