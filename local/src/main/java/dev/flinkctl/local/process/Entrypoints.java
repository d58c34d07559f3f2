package dev.flinkctl.local.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Flink's main classes for standalone processes and the arguments they take. */
public final class Entrypoints {
  public static final String SESSION_JOBMANAGER =
      "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  /** From the flink-container artifact. */
  public static final String APPLICATION_JOBMANAGER =
      "org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint";
  public static final String TASKMANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

  private Entrypoints() {}

  /**
   * What an application cluster runs. {@code jobId} should be fixed by the caller: a restarted
   * JobManager then resubmits the same job instead of a second one.
   *
   * @param fromSavepoint null to start without state
   */
  public record ApplicationJob(
      String jobClassName,
      String jobId,
      String fromSavepoint,
      boolean allowNonRestoredState,
      Map<String, String> dynamicProperties,
      List<String> programArgs) {
    public ApplicationJob {
      dynamicProperties = Map.copyOf(dynamicProperties);
      programArgs = List.copyOf(programArgs);
    }

    public static ApplicationJob of(String jobClassName, String jobId, List<String> programArgs) {
      return new ApplicationJob(jobClassName, jobId, null, false, Map.of(), programArgs);
    }
  }

  public static List<String> sessionJobManager(Path conf) {
    return sessionJobManager(conf, Map.of());
  }

  public static List<String> sessionJobManager(Path conf, Map<String, String> dynamicProperties) {
    List<String> args = new ArrayList<>(List.of("--configDir", conf.toAbsolutePath().toString()));
    args.addAll(dynamicPropertyArgs(dynamicProperties));
    return args;
  }

  /**
   * The job's jars belong in the cluster's usrlib/ (FLINK_HOME/usrlib), where the entry point loads
   * them with Flink's user-code class loader, as in the official image.
   */
  public static List<String> applicationJobManager(Path conf, ApplicationJob job) {
    List<String> args = new ArrayList<>(List.of("--configDir", conf.toAbsolutePath().toString(),
        "--job-classname", job.jobClassName()));
    if (job.jobId() != null) {
      args.addAll(List.of("--job-id", job.jobId()));
    }
    if (job.fromSavepoint() != null) {
      args.addAll(List.of("--fromSavepoint", job.fromSavepoint()));
      if (job.allowNonRestoredState()) {
        args.add("--allowNonRestoredState");
      }
    }
    args.addAll(dynamicPropertyArgs(job.dynamicProperties()));
    if (!job.programArgs().isEmpty()) {
      // Ends option parsing, so a program argument like "-D" or "--job-id" reaches the job as is.
      args.add("--");
      args.addAll(job.programArgs());
    }
    return args;
  }

  public static List<String> taskManager(Path conf) {
    return taskManager(conf, Map.of());
  }

  public static List<String> taskManager(Path conf, Map<String, String> dynamicProperties) {
    List<String> args = new ArrayList<>(List.of("--configDir", conf.toAbsolutePath().toString()));
    args.addAll(dynamicPropertyArgs(dynamicProperties));
    return args;
  }

  static List<String> dynamicPropertyArgs(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    properties.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      args.add("-D");
      args.add(e.getKey() + "=" + e.getValue());
    });
    return args;
  }

  /** Which memory parameters a main class needs; empty for anything that is not a Flink process. */
  static Optional<ResourceParams.Kind> kindOf(String mainClass) {
    return switch (mainClass) {
      case SESSION_JOBMANAGER, APPLICATION_JOBMANAGER -> Optional.of(ResourceParams.Kind.JOB_MANAGER);
      case TASKMANAGER -> Optional.of(ResourceParams.Kind.TASK_MANAGER);
      default -> Optional.empty();
    };
  }

  /** The {@code -D key=value} / {@code -Dkey=value} arguments among entry point arguments. */
  static List<String> dynamicArgsIn(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        break; // program arguments follow
      }
      if (a.equals("-D") && i + 1 < args.size()) {
        out.add("-D");
        out.add(args.get(++i));
      } else if (a.startsWith("-D") && a.length() > 2) {
        out.add("-D");
        out.add(a.substring(2));
      }
    }
    return out;
  }
}
