#!/usr/bin/env bash
# Rescale downtime, in place vs savepoint and redeploy, measured at the sink; see docs/benchmarks.md.
#   benchmarks/run-rescale.sh [--runs N] [--report FILE] [--keep]
# SKIP_BUILD=1 reuses the jars already built (the example job, flinkctl-local in ~/.m2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/benchmarks/local"
cd "$root"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -B install -DskipTests -pl local,examples/streaming-job -am
fi
rm -rf "$module/target/lib"
mvn -q -B -f "$module/pom.xml" process-classes
# A private copy: a concurrent build may replace the original while the benchmark runs.
mkdir -p "$module/target/run"
cp examples/streaming-job/target/streaming-job.jar "$module/target/run/rescale-job.jar"

exec java -cp "$module/target/classes:$module/target/lib/*" \
  dev.flinkctl.benchmarks.RescaleBenchmark --job-jar "$module/target/run/rescale-job.jar" "$@"
