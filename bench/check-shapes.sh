#!/usr/bin/env bash
# swfw check of policies shaped to make the lints work hardest (bench/gen-lint-shapes.py), each against
# swfw compile of the same policy, whole processes, interleaved, medians (bench/measure.py): a lint
# whose cost grows faster than the rules shows as a check/compile ratio that grows with RULES.
#   swarm-hosts, swarm-dests  the swarm port lints (SW4005-SW4007): as many source or destination classes as rules
#   ssh-blocklist             the lockout lint (SW4001): deny rules from single addresses, inventory hosts
#   out-ifaces                the coverage lints (SW4002-SW4004): outbound rules on distinct interfaces
#   publish-ifaces            SW4010: publishes on distinct interfaces (compile itself is slow on this one)
#   suppressed                a 'swfw:ignore' directive per finding
#   expect-sources            an expectation that holds, sampled from every source the rules name (SW4101)
# Usage: bench/check-shapes.sh [RULES] (default 25000); RUNS=N sets the runs per command (default 3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rules="${1:-25000}"
runs="${RUNS:-3}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen-lint-shapes.py --rules "$rules" "$work"
./swfw --version >/dev/null # builds the CLI and records its start-up archive before anything is timed

for shape in swarm-hosts swarm-dests ssh-blocklist out-ifaces publish-ifaces suppressed expect-sources; do
  echo "== $rules rules, $shape: swfw check against swfw compile"
  python3 bench/measure.py --runs "$runs" --warmup 1 --peer compile \
    compile="./swfw compile $work/$shape.swfw -o $work/out-$shape" \
    check="./swfw check $work/$shape.swfw"
  echo
done
