package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSpec(
    @Required
    @JsonPropertyDescription("The job jar: local:///path (inside the image; on Kubernetes it must be under /opt/flink/usrlib), file:///path or a plain path (flinkctl up).")
    String jarURI,
    @JsonPropertyDescription("The job's main class. Optional when the jar's manifest names it.")
    String entryClass,
    @JsonPropertyDescription("Arguments passed to the main method.")
    List<String> args,
    @Min(1)
    @JsonPropertyDescription("Job parallelism. Default: TaskManager replicas x slots.")
    Integer parallelism,
    @JsonPropertyDescription("How a change of the job is applied: stateless, savepoint (default) or last-state.")
    UpgradeMode upgradeMode,
    @JsonPropertyDescription("running (default) or suspended (stopped with a savepoint).")
    JobState state,
    @JsonPropertyDescription("Savepoint or retained checkpoint to start the first run from.")
    String initialSavepointPath,
    @JsonPropertyDescription("Start even when the savepoint has state for operators the job no longer has.")
    Boolean allowNonRestoredState,
    @JsonPropertyDescription("Take a savepoint this often while the job runs, e.g. 1h. Unset: no periodic savepoints.")
    String savepointInterval,
    @Min(1)
    @JsonPropertyDescription("How many completed savepoints status keeps (default 10); older ones are disposed.")
    Integer savepointHistoryLimit,
    @JsonPropertyDescription("Change this number to take a savepoint now (flinkctl savepoint does it for you).")
    Long savepointTriggerNonce,
    @JsonPropertyDescription("How a change of TaskManager capacity rescales the job: auto (default: in-place on Flink 1.18+, else savepoint), in-place (adaptive scheduler, no savepoint), reactive (Flink's reactive mode) or savepoint (stop with a savepoint, redeploy).")
    RescaleMode rescaleMode) {

  public JobSpec {
    args = args == null ? null : List.copyOf(args);
  }

  public JobSpec withSavepointTriggerNonce(Long nonce) {
    return new JobSpec(jarURI, entryClass, args, parallelism, upgradeMode, state, initialSavepointPath,
        allowNonRestoredState, savepointInterval, savepointHistoryLimit, nonce, rescaleMode);
  }

  public JobSpec withJarURI(String uri) {
    return new JobSpec(uri, entryClass, args, parallelism, upgradeMode, state, initialSavepointPath,
        allowNonRestoredState, savepointInterval, savepointHistoryLimit, savepointTriggerNonce, rescaleMode);
  }

  public JobSpec withState(JobState newState) {
    return new JobSpec(jarURI, entryClass, args, parallelism, upgradeMode, newState, initialSavepointPath,
        allowNonRestoredState, savepointInterval, savepointHistoryLimit, savepointTriggerNonce, rescaleMode);
  }

  public JobSpec withRescaleMode(RescaleMode mode) {
    return new JobSpec(jarURI, entryClass, args, parallelism, upgradeMode, state, initialSavepointPath,
        allowNonRestoredState, savepointInterval, savepointHistoryLimit, savepointTriggerNonce, mode);
  }
}
