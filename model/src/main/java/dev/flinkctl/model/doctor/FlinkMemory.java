package dev.flinkctl.model.doctor;

import dev.flinkctl.api.FlinkVersion;
import dev.flinkctl.model.doctor.MemoryBreakdown.Part;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.taskmanager.TaskExecutorFlinkMemory;

/**
 * Flink's own memory arithmetic, run on the configuration a cluster will get: what the startup
 * scripts' BashJavaUtils computes before a JobManager or TaskManager JVM starts, and refuses.
 *
 * <p>The classes are Flink 1.20's; the arithmetic is the same from 1.18 to 2.2 except that 2.0
 * dropped the legacy heap keys (taskmanager.heap.size, jobmanager.heap.size and their .mb forms),
 * which 1.x maps onto the new options. MemoryVerdictTest holds both claims against each
 * version's released jars. Flink 1.x also reads FLINK_TM_HEAP/FLINK_JM_HEAP from the environment;
 * the official image sets neither, and reading flinkctl's own environment would make the verdict
 * depend on where flinkctl runs, so the legacy mapping is done here, from the configuration only.
 */
final class FlinkMemory {
  static final String TM_HEAP = "taskmanager.heap.size";
  static final String TM_HEAP_MB = "taskmanager.heap.mb";
  static final String JM_HEAP = "jobmanager.heap.size";
  static final String JM_HEAP_MB = "jobmanager.heap.mb";

  /** Sized, or refused with Flink's own message. */
  sealed interface Outcome permits Sized, Refused {}

  record Sized(MemoryBreakdown breakdown) implements Outcome {}

  record Refused(String flinkMessage) implements Outcome {}

  private FlinkMemory() {}

  static Outcome taskManager(Map<String, String> entries, FlinkVersion version) {
    try {
      Configuration conf = configuration(entries, version, TaskManagerOptions.TOTAL_FLINK_MEMORY, TM_HEAP, TM_HEAP_MB);
      return new Sized(breakdown(TaskExecutorProcessUtils.processSpecFromConfig(conf)));
    } catch (RuntimeException e) {
      return new Refused(message(e));
    }
  }

  static Outcome jobManager(Map<String, String> entries, FlinkVersion version) {
    try {
      Configuration conf = configuration(entries, version, JobManagerOptions.JVM_HEAP_MEMORY, JM_HEAP, JM_HEAP_MB);
      return new Sized(breakdown(jobManagerSpec(conf), conf.get(JobManagerOptions.JVM_DIRECT_MEMORY_LIMIT_ENABLED)));
    } catch (RuntimeException e) {
      return new Refused(message(e));
    }
  }

  /** A Flink option's value in this configuration, defaults included (e.g. the overhead bounds). */
  static <T> T get(Map<String, String> entries, ConfigOption<T> option) {
    return Configuration.fromMap(entries).get(option);
  }

  private static Configuration configuration(Map<String, String> entries, FlinkVersion version,
      ConfigOption<MemorySize> target, String legacyKey, String legacyMbKey) {
    Configuration conf = Configuration.fromMap(entries);
    Optional<MemorySize> legacy = version.atLeast(FlinkVersion.V2_0) || conf.contains(target)
        ? Optional.empty() : legacyHeap(conf, legacyKey, legacyMbKey);
    conf.removeKey(legacyKey);
    conf.removeKey(legacyMbKey);
    legacy.ifPresent(size -> conf.set(target, size));
    return conf;
  }

  // Flink 1.x's MemoryBackwardsCompatibilityUtils: the size key first, then the .mb key, in mebibytes.
  private static Optional<MemorySize> legacyHeap(Configuration conf, String key, String mbKey) {
    if (conf.containsKey(key)) {
      return Optional.of(MemorySize.parse(conf.toMap().get(key)));
    }
    if (conf.containsKey(mbKey)) {
      return Optional.of(MemorySize.ofMebiBytes(Integer.parseInt(conf.toMap().get(mbKey).trim())));
    }
    return Optional.empty();
  }

  /**
   * 1.20's public entry point also reads FLINK_JM_HEAP; the configuration-only one, which 2.x made
   * public, is package-private in 1.20.
   */
  private static JobManagerProcessSpec jobManagerSpec(Configuration conf) {
    try {
      Method m = JobManagerProcessUtils.class.getDeclaredMethod("processSpecFromConfig", Configuration.class);
      m.setAccessible(true);
      return (JobManagerProcessSpec) m.invoke(null, conf);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      return JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(conf,
          JobManagerOptions.JVM_HEAP_MEMORY);
    }
  }

  private static MemoryBreakdown breakdown(TaskExecutorProcessSpec spec) {
    TaskExecutorFlinkMemory flink = spec.getFlinkMemory();
    return new MemoryBreakdown("TaskManager", List.of(
        new Part("framework heap", "taskmanager.memory.framework.heap.size", flink.getFrameworkHeap().getBytes()),
        new Part("task heap", "taskmanager.memory.task.heap.size", flink.getTaskHeap().getBytes()),
        new Part("framework off-heap", "taskmanager.memory.framework.off-heap.size", flink.getFrameworkOffHeap().getBytes()),
        new Part("task off-heap", "taskmanager.memory.task.off-heap.size", flink.getTaskOffHeap().getBytes()),
        new Part("network", "taskmanager.memory.network.fraction/min/max", flink.getNetwork().getBytes()),
        new Part("managed", "taskmanager.memory.managed.fraction/size", flink.getManaged().getBytes()),
        new Part("JVM metaspace", "taskmanager.memory.jvm-metaspace.size", spec.getJvmMetaspaceSize().getBytes()),
        new Part("JVM overhead", "taskmanager.memory.jvm-overhead.fraction/min/max", spec.getJvmOverheadSize().getBytes())),
        spec.getJvmHeapMemorySize().getBytes(), spec.getJvmDirectMemorySize().getBytes(),
        spec.getJvmMetaspaceSize().getBytes(), spec.getTotalFlinkMemorySize().getBytes(),
        spec.getTotalProcessMemorySize().getBytes(), true);
  }

  private static MemoryBreakdown breakdown(JobManagerProcessSpec spec, boolean directLimited) {
    return new MemoryBreakdown("JobManager", List.of(
        new Part("JVM heap", "jobmanager.memory.heap.size", spec.getJvmHeapMemorySize().getBytes()),
        new Part("off-heap", "jobmanager.memory.off-heap.size", spec.getJvmDirectMemorySize().getBytes()),
        new Part("JVM metaspace", "jobmanager.memory.jvm-metaspace.size", spec.getJvmMetaspaceSize().getBytes()),
        new Part("JVM overhead", "jobmanager.memory.jvm-overhead.fraction/min/max", spec.getJvmOverheadSize().getBytes())),
        spec.getJvmHeapMemorySize().getBytes(), spec.getJvmDirectMemorySize().getBytes(),
        spec.getJvmMetaspaceSize().getBytes(), spec.getTotalFlinkMemorySize().getBytes(),
        spec.getTotalProcessMemorySize().getBytes(), directLimited);
  }

  /** Flink wraps the reason ("TaskManager memory configuration failed: ..."); keep the whole chain once. */
  private static String message(RuntimeException e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
        sb.append(' ').append(t.getMessage());
      }
    }
    return sb.toString();
  }
}
