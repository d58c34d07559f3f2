package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of POST /jars/:jarid/run. Null fields are left out, so Flink applies its own defaults.
 * Arguments go as a list ("programArgsList"): the single-string "programArgs" is gone in Flink 2.0
 * and split arguments on spaces anyway.
 *
 * @param jobId 32 hex digits chosen by the caller, so a retried submission cannot start a second
 *     job; null lets Flink pick one
 * @param savepointPath savepoint or retained checkpoint to restore from, or null
 * @param flinkConfiguration job-level configuration overrides, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JarRunRequest(
    @JsonProperty("entryClass") String entryClass,
    @JsonProperty("programArgsList") List<String> programArgsList,
    @JsonProperty("parallelism") Integer parallelism,
    @JsonProperty("jobId") String jobId,
    @JsonProperty("savepointPath") String savepointPath,
    @JsonProperty("allowNonRestoredState") Boolean allowNonRestoredState,
    @JsonProperty("flinkConfiguration") Map<String, String> flinkConfiguration) {

  public JarRunRequest {
    programArgsList = programArgsList == null ? null : List.copyOf(programArgsList);
    flinkConfiguration = flinkConfiguration == null ? null : Map.copyOf(flinkConfiguration);
  }

  /** The common case: no job configuration overrides. */
  public JarRunRequest(String entryClass, List<String> programArgsList, Integer parallelism,
      String jobId, String savepointPath, Boolean allowNonRestoredState) {
    this(entryClass, programArgsList, parallelism, jobId, savepointPath, allowNonRestoredState, null);
  }
}
