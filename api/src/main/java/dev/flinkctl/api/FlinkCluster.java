package dev.flinkctl.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** One Flink cluster: a session cluster, or an application cluster when {@code spec.job} is set. */
@Group(FlinkCluster.GROUP)
@Version(FlinkCluster.VERSION)
@Kind(FlinkCluster.KIND)
@Plural("flinkclusters")
@Singular("flinkcluster")
@ShortNames({"fc", "flink"})
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Flink", jsonPath = ".status.flinkVersion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "JM", jsonPath = ".status.jobManager.ready", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "TM", jsonPath = ".status.taskManager.ready", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Job", jsonPath = ".status.job.state", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class FlinkCluster extends CustomResource<FlinkClusterSpec, FlinkClusterStatus> implements Namespaced {
  public static final String GROUP = "flink.apache.org";
  public static final String VERSION = "v1beta1";
  public static final String KIND = "FlinkCluster";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  // Spec and status are immutable records: the generic reflective instantiation would fail on them.
  @Override
  protected FlinkClusterSpec initSpec() {
    return null;
  }

  @Override
  protected FlinkClusterStatus initStatus() {
    return null;
  }

  @JsonIgnore
  public boolean isApplication() {
    return getSpec() != null && getSpec().job() != null;
  }
}
