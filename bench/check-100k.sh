#!/usr/bin/env bash
# swfw check of generated 100,000-rule policies against swfw compile of the same policy, whole
# processes, interleaved, medians (bench/measure.py): check runs the lints besides, among them the
# search for rules that never match (SW4002-SW4004), which compares each rule with the earlier rules
# an index says may cover it.
#   - one rule per source address (half IPv4, half IPv6): check against compile;
#   - tcp rules with overlapping port ranges and no addresses, most covered by earlier ones: the
#     index's worst case.
# Usage: bench/check-100k.sh [RULES] (default 100000); RUNS=N sets the runs per command (default 5).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rules="${1:-100000}"
runs="${RUNS:-5}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen-100k.py --rules "$rules" "$work"
./swfw --version >/dev/null # builds the CLI and records its start-up archive before anything is timed

echo "== $rules rules, one per source address: swfw check against swfw compile"
python3 bench/measure.py --runs "$runs" --warmup 1 --peer compile \
  compile="./swfw compile $work/addresses.swfw -o $work/out-addresses" \
  check="./swfw check $work/addresses.swfw"
echo
echo "== $rules tcp rules with overlapping port ranges: swfw check against swfw compile"
python3 bench/measure.py --runs "$runs" --warmup 1 --peer compile \
  compile="./swfw compile $work/overlap.swfw -o $work/out-overlap" \
  check="./swfw check $work/overlap.swfw"
