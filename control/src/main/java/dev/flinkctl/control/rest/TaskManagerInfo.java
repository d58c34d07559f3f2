package dev.flinkctl.control.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of GET /taskmanagers.
 *
 * @param blocked true while the TaskManager is blocked (speculative execution, blocklist); no
 *     new slots are allocated on it
 * @param hardware null if Flink left it out
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskManagerInfo(
    @JsonProperty("id") String id,
    @JsonProperty("path") String path,
    @JsonProperty("dataPort") int dataPort,
    @JsonProperty("timeSinceLastHeartbeat") long timeSinceLastHeartbeat,
    @JsonProperty("slotsNumber") int slotsNumber,
    @JsonProperty("freeSlots") int freeSlots,
    @JsonProperty("blocked") boolean blocked,
    @JsonProperty("hardware") Hardware hardware) {

  /** Memory sizes in bytes. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Hardware(
      @JsonProperty("cpuCores") int cpuCores,
      @JsonProperty("physicalMemory") long physicalMemory,
      @JsonProperty("freeMemory") long freeMemory,
      @JsonProperty("managedMemory") long managedMemory) {
  }
}
