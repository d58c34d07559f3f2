#!/usr/bin/env bash
# Kafka lag step -> final TaskManager count, autoscaler rescaling in place vs by savepoint; see docs/benchmarks.md.
#   benchmarks/run-autoscale.sh [--runs N] [--report FILE]
# The benchmark class is test code of the local module (it needs the test KRaft broker), so Maven runs it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=3
report=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --report) report="$(realpath -m "$2")"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -B install -DskipTests -pl local -am
fi
mvn -B -pl local test -Dtest=AutoscaleLagBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dautoscale.runs="$runs" ${report:+-Dautoscale.report="$report"} | grep -E '^\[benchmark\]|^\||^Measured|^Every|BUILD|ERROR'
