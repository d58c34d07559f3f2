package dev.flinkctl.model;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.api.FlinkClusterSpec;
import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.api.JobManagerSpec;
import dev.flinkctl.api.JobSpec;
import dev.flinkctl.api.JobState;
import dev.flinkctl.api.ResourceNames;
import dev.flinkctl.api.Resources;
import dev.flinkctl.api.RescaleMode;
import dev.flinkctl.api.RestServiceSpec;
import dev.flinkctl.api.SecretReference;
import dev.flinkctl.api.ServiceType;
import dev.flinkctl.api.TaskManagerSpec;
import dev.flinkctl.api.UpgradeMode;
import dev.flinkctl.model.doctor.Doctor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Applies defaults and parses sizes; reports what it cannot make sense of as findings. */
public final class ClusterResolver {
  public static final long DEFAULT_JM_MEMORY_MIB = 1600;
  public static final long DEFAULT_TM_MEMORY_MIB = 1728;
  public static final long DEFAULT_CPU_MILLIS = 1000;
  public static final int DEFAULT_SAVEPOINT_HISTORY = 10;
  // Flink's Kubernetes HA refuses cluster ids over 45 characters.
  static final int MAX_NAME = 45;
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  private final List<Finding> findings = new ArrayList<>();

  private ClusterResolver() {}

  /** The resolved cluster and every finding; {@code cluster} is null when there were errors. */
  public record Result(ResolvedCluster cluster, List<Finding> findings) {
    public ResolvedCluster orThrow() {
      if (cluster == null) {
        throw new InvalidSpecException(findings);
      }
      return cluster;
    }
  }

  public static Result resolve(FlinkCluster resource) {
    ClusterResolver r = new ClusterResolver();
    ResolvedCluster cluster = r.resolveCluster(resource);
    if (cluster != null && r.findings.stream().noneMatch(Finding::isError)) {
      // What Flink would refuse at startup and the tuning rules, on every platform (flinkctl doctor).
      r.findings.addAll(Doctor.check(resource, cluster));
    }
    boolean failed = r.findings.stream().anyMatch(Finding::isError);
    return new Result(failed ? null : cluster, List.copyOf(r.findings));
  }

  private ResolvedCluster resolveCluster(FlinkCluster resource) {
    String name = resource.getMetadata() == null ? null : resource.getMetadata().getName();
    String namespace = resource.getMetadata() == null ? null : resource.getMetadata().getNamespace();
    checkName(name);
    FlinkClusterSpec spec = resource.getSpec();
    if (spec == null) {
      findings.add(Finding.error("spec-required", "spec", "the FlinkCluster has no spec",
          "add spec.image and the jobManager/taskManager sections"));
      return null;
    }
    if (blank(spec.image())) {
      findings.add(Finding.error("image-required", "spec.image", "no Flink image is given",
          "set spec.image, e.g. flink:1.20"));
    }
    findings.addAll(AutoscalerRules.check(spec));
    FlinkVersion version = version(spec);
    SortedMap<String, String> conf = userConfiguration(spec.flinkConfiguration());
    JobManagerSpec jmSpec = Optional.ofNullable(spec.jobManager()).orElse(new JobManagerSpec(null, null, null, null));
    TaskManagerSpec tmSpec = Optional.ofNullable(spec.taskManager()).orElse(new TaskManagerSpec(null, null, null, null));

    int jmReplicas = Objects.requireNonNullElse(jmSpec.replicas(), 1);
    positive("spec.jobManager.replicas", jmReplicas, 1);
    long jmMemory = memory("spec.jobManager.resources.memory", jmSpec.resources(), conf,
        ConfigKeys.JM_PROCESS_SIZE, DEFAULT_JM_MEMORY_MIB);
    long jmCpu = cpu("spec.jobManager.resources.cpu", jmSpec.resources());
    RestServiceSpec svc = jmSpec.service();
    ServiceType serviceType = svc == null || svc.type() == null ? ServiceType.ClusterIP : svc.type();

    int tmReplicas = Objects.requireNonNullElse(tmSpec.replicas(), 1);
    positive("spec.taskManager.replicas", tmReplicas, 0);
    long tmMemory = memory("spec.taskManager.resources.memory", tmSpec.resources(), conf,
        ConfigKeys.TM_PROCESS_SIZE, DEFAULT_TM_MEMORY_MIB);
    long tmCpu = cpu("spec.taskManager.resources.cpu", tmSpec.resources());
    int slots = slots(tmSpec.slots(), tmCpu, conf);

    boolean ha = jmReplicas > 1;
    String serviceAccount = spec.serviceAccount();
    boolean createServiceAccount = blank(serviceAccount) && ha && name != null;
    if (createServiceAccount) {
      serviceAccount = ResourceNames.serviceAccount(name);
    }
    ResolvedCluster.Job job = job(spec.job(), tmReplicas * slots, conf, version);
    SortedMap<String, String> logs = new TreeMap<>(Objects.requireNonNullElse(spec.logConfiguration(), Map.of()));
    List<String> pullSecrets = spec.imagePullSecrets() == null ? List.of()
        : spec.imagePullSecrets().stream().map(SecretReference::name).toList();
    return new ResolvedCluster(name, namespace, version, spec.image(), spec.imagePullPolicy(), pullSecrets,
        serviceAccount, createServiceAccount,
        new ResolvedCluster.JobManager(jmReplicas, jmMemory, jmCpu, jmSpec.template(), serviceType,
            svc == null || svc.annotations() == null ? Map.of() : new TreeMap<>(svc.annotations())),
        new ResolvedCluster.TaskManager(tmReplicas, tmMemory, tmCpu, slots, tmSpec.template()),
        conf, logs, job);
  }

  private void checkName(String name) {
    if (blank(name)) {
      findings.add(Finding.error("name-required", "metadata.name", "the FlinkCluster has no name",
          "set metadata.name"));
    } else if (name.length() > MAX_NAME || !DNS_LABEL.matcher(name).matches()) {
      findings.add(Finding.error("name-format", "metadata.name",
          "'" + name + "' is not a valid cluster name: it names Services and Flink's HA ConfigMaps",
          "use at most " + MAX_NAME + " lowercase letters, digits and '-', starting with a letter"));
    }
  }

  private FlinkVersion version(FlinkClusterSpec spec) {
    Optional<FlinkVersion> fromImage = FlinkVersion.fromImage(spec.image());
    FlinkVersion version;
    if (!blank(spec.flinkVersion())) {
      Optional<FlinkVersion> given = FlinkVersion.parse(spec.flinkVersion());
      if (given.isEmpty()) {
        findings.add(Finding.error("flink-version-format", "spec.flinkVersion",
            "'" + spec.flinkVersion() + "' is not a Flink version", "write MAJOR.MINOR, e.g. 1.20"));
        return FlinkVersion.V1_20;
      }
      version = given.get();
      if (fromImage.isPresent() && !fromImage.get().equals(version)) {
        findings.add(Finding.warning("flink-version-mismatch", "spec.flinkVersion",
            "flinkVersion " + version + " differs from the image tag's " + fromImage.get(),
            "make spec.flinkVersion match the Flink inside spec.image"));
      }
    } else if (fromImage.isPresent()) {
      version = fromImage.get();
    } else {
      if (!blank(spec.image())) {
        findings.add(Finding.error("flink-version-required", "spec.flinkVersion",
            "the image tag of '" + spec.image() + "' does not say which Flink version it holds",
            "set spec.flinkVersion, e.g. 1.20"));
      }
      return FlinkVersion.V1_20;
    }
    if (!version.isSupported()) {
      findings.add(Finding.error("flink-version-unsupported", blank(spec.flinkVersion()) ? "spec.image" : "spec.flinkVersion",
          "Flink " + version + " is not supported", "use one of " + FlinkVersion.SUPPORTED));
    }
    return version;
  }

  private SortedMap<String, String> userConfiguration(Map<String, String> given) {
    SortedMap<String, String> conf = new TreeMap<>();
    if (given == null) {
      return conf;
    }
    new TreeMap<>(given).forEach((key, value) -> {
      String canonical = ConfigKeys.canonical(key.trim());
      if (value == null) {
        findings.add(Finding.error("config-value-required", "spec.flinkConfiguration." + key,
            "the key has no value", "give it a value or remove it"));
      } else if (conf.containsKey(canonical)) {
        findings.add(Finding.error("config-key-duplicate", "spec.flinkConfiguration." + key,
            "the same option is also set under its other name " + otherName(given, key, canonical),
            "keep one of the two names"));
      } else {
        conf.put(canonical, value.trim());
      }
    });
    return conf;
  }

  private static String otherName(Map<String, String> given, String key, String canonical) {
    return given.keySet().stream().filter(k -> !k.equals(key) && ConfigKeys.canonical(k).equals(canonical))
        .findFirst().orElse(canonical);
  }

  private long memory(String field, Resources resources, Map<String, String> conf, String confKey, long fallback) {
    String given = resources == null ? null : resources.memory();
    String fromConf = conf.get(confKey);
    Long specMiB = parseMemory(field, given);
    Long confMiB = parseMemory("spec.flinkConfiguration." + confKey, fromConf);
    if (specMiB != null && confMiB != null && !specMiB.equals(confMiB)) {
      findings.add(Finding.error("memory-process-size-mismatch", field,
          "the container gets " + MemorySizes.flink(specMiB) + " but " + confKey + " asks Flink to use "
              + MemorySizes.flink(confMiB),
          "set both to the same size, or drop " + confKey + " (it follows " + field + ")"));
    }
    return specMiB != null ? specMiB : confMiB != null ? confMiB : fallback;
  }

  private Long parseMemory(String field, String text) {
    if (text == null) {
      return null;
    }
    Optional<Long> mib = MemorySizes.parseMebibytes(text);
    if (mib.isEmpty() || mib.get() <= 0) {
      findings.add(Finding.error("memory-size", field, "'" + text + "' is not a memory size",
          "write a size such as 2048m, 2g or 2Gi"));
      return null;
    }
    return mib.get();
  }

  private long cpu(String field, Resources resources) {
    String given = resources == null ? null : resources.cpu();
    if (given == null) {
      return DEFAULT_CPU_MILLIS;
    }
    Optional<Long> millis = CpuAmounts.parseMillis(given);
    if (millis.isEmpty()) {
      findings.add(Finding.error("cpu-amount", field, "'" + given + "' is not a CPU amount",
          "write cores such as 2, 0.5 or 500m"));
      return DEFAULT_CPU_MILLIS;
    }
    return millis.get();
  }

  private int slots(Integer field, long cpuMillis, Map<String, String> conf) {
    String fromConf = conf.get(ConfigKeys.SLOTS);
    Integer confSlots = null;
    if (fromConf != null) {
      try {
        confSlots = Integer.parseInt(fromConf);
      } catch (NumberFormatException e) {
        findings.add(Finding.error("slots-format", "spec.flinkConfiguration." + ConfigKeys.SLOTS,
            "'" + fromConf + "' is not a number of slots", "write a whole number, e.g. 2"));
      }
    }
    if (field != null && confSlots != null && !field.equals(confSlots)) {
      findings.add(Finding.warning("slots-conflict", "spec.taskManager.slots",
          "slots is " + field + " but flinkConfiguration sets " + ConfigKeys.SLOTS + " to " + confSlots
              + "; spec.taskManager.slots wins", "remove one of the two"));
    }
    if (field != null) {
      positive("spec.taskManager.slots", field, 1);
      return field;
    }
    if (confSlots != null) {
      positive("spec.flinkConfiguration." + ConfigKeys.SLOTS, confSlots, 1);
      return confSlots;
    }
    return (int) Math.max(1, cpuMillis / 1000);
  }

  private static final String MAX_PARALLELISM = "pipeline.max-parallelism";

  private ResolvedCluster.Job job(JobSpec spec, int totalSlots, Map<String, String> conf, FlinkVersion version) {
    if (spec == null) {
      return null;
    }
    if (blank(spec.jarURI())) {
      findings.add(Finding.error("job-jar-required", "spec.job.jarURI", "the job has no jar",
          "set spec.job.jarURI, e.g. local:///opt/flink/usrlib/my-job.jar"));
    }
    JobSpec withDefaults = new JobSpec(spec.jarURI(), spec.entryClass(), spec.args(), spec.parallelism(),
        Objects.requireNonNullElse(spec.upgradeMode(), UpgradeMode.SAVEPOINT),
        Objects.requireNonNullElse(spec.state(), JobState.RUNNING),
        spec.initialSavepointPath(), Objects.requireNonNullElse(spec.allowNonRestoredState(), false),
        spec.savepointInterval(), Objects.requireNonNullElse(spec.savepointHistoryLimit(), DEFAULT_SAVEPOINT_HISTORY),
        spec.savepointTriggerNonce(), spec.rescaleMode());
    if (spec.savepointInterval() != null && Durations.parse(spec.savepointInterval()).isEmpty()) {
      findings.add(Finding.error("duration", "spec.job.savepointInterval",
          "'" + spec.savepointInterval() + "' is not a duration", "write e.g. 30min, 1h or 90s"));
    }
    Integer fromConf = intOrNull(conf.get(ConfigKeys.PARALLELISM));
    boolean pinned = spec.parallelism() != null || fromConf != null;
    RescaleMode rescale = RescaleModes.resolve(spec.rescaleMode(), version, conf, pinned, findings);
    if (spec.parallelism() != null) {
      positive("spec.job.parallelism", spec.parallelism(), 1);
      if (conf.containsKey(ConfigKeys.PARALLELISM)) {
        findings.add(Finding.info("parallelism-source", "spec.job.parallelism",
            "spec.job.parallelism (" + spec.parallelism() + ") overrides flinkConfiguration "
                + ConfigKeys.PARALLELISM + " (" + conf.get(ConfigKeys.PARALLELISM) + ")"));
      }
      return new ResolvedCluster.Job(withDefaults, spec.parallelism(), true, rescale);
    }
    if (fromConf != null) {
      return new ResolvedCluster.Job(withDefaults, fromConf, true, rescale);
    }
    int derived = Math.max(1, totalSlots);
    Integer max = intOrNull(conf.get(MAX_PARALLELISM));
    if (max != null && max > 0 && derived > max) {
      // Scaling past the key groups must not make the spec invalid: the job runs at the cap.
      findings.add(Finding.info("parallelism-source", "spec.taskManager.replicas",
          "replicas x slots = " + derived + " is above " + MAX_PARALLELISM + " " + max + ": the job runs at " + max
              + " and the other slots stay idle"));
      derived = max;
    }
    return new ResolvedCluster.Job(withDefaults, derived, false, rescale);
  }

  private void positive(String field, int value, int min) {
    if (value < min) {
      findings.add(Finding.error("range", field, value + " is below the minimum of " + min,
          "set it to " + min + " or more"));
    }
  }

  private static Integer intOrNull(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
