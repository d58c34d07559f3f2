package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A job submitted to a session cluster, remembered so it can be stopped and restored with the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionJob(
    @JsonPropertyDescription("Flink job id.")
    String id,
    @JsonPropertyDescription("Job name as Flink reports it.")
    String name,
    @JsonPropertyDescription("The jar it was submitted from.")
    String jarURI,
    String entryClass,
    List<String> args,
    Integer parallelism,
    @JsonPropertyDescription("Flink job state.")
    String state,
    @JsonPropertyDescription("Savepoint it was stopped with; the next start restores from it.")
    String savepoint) {

  public SessionJob {
    args = args == null ? null : List.copyOf(args);
  }

  public SessionJob withState(String newState) {
    return new SessionJob(id, name, jarURI, entryClass, args, parallelism, newState, savepoint);
  }

  public SessionJob stoppedWith(String savepointPath) {
    return new SessionJob(id, name, jarURI, entryClass, args, parallelism, "STOPPED", savepointPath);
  }
}
