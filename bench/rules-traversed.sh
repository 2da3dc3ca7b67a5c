#!/usr/bin/env bash
# Rules each packet of a matrix meets (established, new ssh/http/https, closed ports, ping, ICMP
# errors, NDP, the trusted interface, forwarded and outbound traffic) in swfw's boot files for the
# seed's cluster (examples/swarm/cluster.swfw) and in the seed's hand-written files (bench/seed/),
# per node and family (issue 6, target 4). One tiny evaluator counts both; swfw's counts are checked
# against its own netfilter model (swfw.bench.RulesTraversed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./swfw --version >/dev/null # builds the CLI when needed
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -nowarn -cp cli/target/swfw.jar -d "$classes" bench/src/main/java/swfw/bench/{RestoreFile,RulesTraversed}.java
java -cp "cli/target/swfw.jar:$classes" swfw.bench.RulesTraversed examples/swarm/cluster.swfw bench/seed
