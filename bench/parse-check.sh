#!/usr/bin/env bash
# JMH micro benchmark of the front end on a generated 100,000-line policy: parse alone, and
# parse + check (what `swfw check` does in process). Prints JMH's table, then per benchmark the
# median iteration, the throughput in MB/s and the time per 100k lines.
#
# Usage: bench/parse-check.sh [JMH options]
#   default options suit a 2-core machine shared with other work: one fork, 3 warm-up and
#   5 measured iterations of 3 s each; medians, because a noisy neighbour skews means.
#   MVN_FLAGS defaults to -o (offline); set MVN_FLAGS= to let Maven download.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q ${MVN_FLAGS--o} package -pl bench -am -DskipTests
if [ $# -eq 0 ]; then
  set -- -f 1 -wi 3 -i 5 -w 3s -r 3s
fi
exec java -cp bench/target/benchmarks.jar swfw.bench.ParseCheckMain "$@"
