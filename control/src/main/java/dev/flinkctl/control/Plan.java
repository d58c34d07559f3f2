package dev.flinkctl.control;

import dev.flinkctl.api.FlinkCluster;
import dev.flinkctl.model.JobLaunch;
import dev.flinkctl.model.ResolvedCluster;

/**
 * One deployment of a cluster: what the platform starts. {@code revision} identifies it, so the
 * platform can tell whether what runs is this plan or an older one.
 *
 * @param launch how the application job starts; null for a session cluster
 */
public record Plan(FlinkCluster resource, ResolvedCluster cluster, JobLaunch launch, String revision) {}
