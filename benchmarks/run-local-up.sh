#!/usr/bin/env bash
# Builds what the local up benchmark needs and runs it; see docs/benchmarks.md.
#   benchmarks/run-local-up.sh [--runs N] [--warmup N] [--max-load L] [--no-cli] [--report FILE] [--keep]
# SKIP_BUILD=1 reuses the jars already built (cli/target/flinkctl.jar, the example job, ~/.m2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/benchmarks/local"
cd "$root"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # The CLI jar (timed as the real `flinkctl up -d`), the example job, and flinkctl-local in ~/.m2.
  mvn -q -B install -DskipTests -pl cli,examples/streaming-job -am
fi
rm -rf "$module/target/lib" "$module/target/run"
mvn -q -B -f "$module/pom.xml" process-classes

# Private copies: a concurrent build may replace the originals while the benchmark runs. (Flink's
# own jars come from the ~/.flinkctl/flink cache for the same reason; see LocalUpBenchmark.)
mkdir -p "$module/target/run"
cp cli/target/flinkctl.jar examples/streaming-job/target/streaming-job.jar "$module/target/run/"

exec java -cp "$module/target/classes:$module/target/lib/*" \
  dev.flinkctl.benchmarks.LocalUpBenchmark \
  --cli-jar "$module/target/run/flinkctl.jar" --job-jar "$module/target/run/streaming-job.jar" "$@"
