package dev.flinkctl.control.rest;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flink's REST API (1.18 to 2.x), as far as flinkctl uses it. Every method makes one call and
 * throws a {@link FlinkRestException}: {@link FlinkUnreachableException} when no answer came,
 * {@link FlinkApiException} when Flink answered with an error status, {@link FlinkResponseException}
 * when the answer could not be read.
 */
public interface FlinkRestClient {

  /** GET /overview. */
  ClusterOverview overview();

  /** GET /jobs/overview: every job the JobManager knows, running or ended. */
  List<JobOverview> jobs();

  /** GET /jobs/:id. */
  JobDetails job(String jobId);

  /**
   * POST /jars/upload: uploads a job jar to the JobManager's web submission directory.
   *
   * @return the jar id for {@link #runJar} and {@link #deleteJar}
   */
  String uploadJar(Path jar);

  /**
   * POST /jars/:jarid/run: runs the jar's main method on the JobManager and submits the job.
   *
   * @return the job id
   */
  String runJar(String jarId, JarRunRequest request);

  /** DELETE /jars/:jarid. */
  void deleteJar(String jarId);

  /** PATCH /jobs/:id?mode=cancel: cancels without a savepoint. Returns once Flink accepted it. */
  void cancel(String jobId);

  /**
   * POST /jobs/:id/savepoints, in Flink's canonical format (restorable by any state backend).
   *
   * @param targetDirectory null for the cluster's default savepoint directory
   * @param cancelJob cancel the job once the savepoint is written
   * @param triggerId 32 hex digits chosen by the caller (see {@link #newTriggerId}) so that a
   *     retry after a lost answer does not trigger a second savepoint; null lets Flink pick one
   * @return the trigger id to poll with {@link #savepointStatus}
   */
  String triggerSavepoint(String jobId, String targetDirectory, boolean cancelJob, String triggerId);

  /**
   * POST /jobs/:id/stop: savepoint, then stop the job.
   *
   * @param targetDirectory null for the cluster's default savepoint directory
   * @param drain emit MAX_WATERMARK first, firing all timers and windows: for ending a job for
   *     good, not for an upgrade that resumes from the savepoint
   * @param triggerId as for {@link #triggerSavepoint}
   * @return the trigger id to poll with {@link #savepointStatus}
   */
  String stopWithSavepoint(String jobId, String targetDirectory, boolean drain, String triggerId);

  /** GET /jobs/:id/savepoints/:triggerid, for both savepoint calls above. */
  SavepointStatus savepointStatus(String jobId, String triggerId);

  /** GET /jobs/:id/checkpoints. */
  CheckpointStats checkpoints(String jobId);

  /**
   * GET /jobs/:id/vertices/:vid/subtasks/metrics: the named metrics (e.g. busyTimeMsPerSecond,
   * backPressuredTimeMsPerSecond, numRecordsInPerSecond), aggregated over the vertex's subtasks.
   * Metrics with no value yet are missing from the answer. With no names, Flink lists the
   * metric ids the vertex has, without values.
   */
  List<VertexMetric> vertexMetrics(String jobId, String vertexId, List<String> names);

  /**
   * GET /jobs/:id/vertices/:vid/subtasks/metrics without names: the metric names the vertex's
   * subtasks report, sorted, each usable in {@link #vertexMetrics}. Operator metrics are prefixed
   * with the operator's name as Flink's metric query service writes it (space, '.', ',' and ':'
   * become '_'), e.g. {@code Source__orders.pendingRecords}; a metric appears once a subtask has
   * registered it.
   */
  List<String> vertexMetricNames(String jobId, String vertexId);

  /** GET /jobs/:id/vertices/:vid/backpressure. */
  BackpressureInfo backpressure(String jobId, String vertexId);

  /** GET /jobs/:id/resource-requirements (adaptive scheduler only). */
  ResourceRequirements resourceRequirements(String jobId);

  /**
   * PUT /jobs/:id/resource-requirements: the adaptive scheduler rescales the running job to fit.
   * Flink wants every vertex of the job listed; reactive mode refuses the call.
   */
  void updateResourceRequirements(String jobId, Map<String, ParallelismBounds> requirements);

  /** GET /taskmanagers. */
  List<TaskManagerInfo> taskManagers();

  /** GET /config: cheap, so it doubles as the liveness check; carries the Flink version. */
  DashboardConfig config();

  /** GET /jobs/:id/exceptions: why a job failed or restarted. */
  JobExceptions exceptions(String jobId);

  /** A fresh random id in Flink's format (32 hex digits), for trigger ids and job ids. */
  static String newTriggerId() {
    UUID u = UUID.randomUUID();
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(u.getMostSignificantBits()) + hex.toHexDigits(u.getLeastSignificantBits());
  }
}
