package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a running job is carried across a change of its spec. */
public enum UpgradeMode {
  /** Cancel and start fresh: state is dropped. */
  @JsonProperty("stateless")
  STATELESS,
  /** Stop with a savepoint and start the new version from it. */
  @JsonProperty("savepoint")
  SAVEPOINT,
  /** Restart from the latest checkpoint (needs HA or a durable checkpoint directory). */
  @JsonProperty("last-state")
  LAST_STATE
}
