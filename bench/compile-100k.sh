#!/usr/bin/env bash
# A generated 100,000-rule policy compiled by swfw to both families, against ferm compiling the same
# policy (issue 6, target 2), whole processes, interleaved, medians:
#   - one rule per source address (half IPv4, half IPv6): swfw against ferm's block form;
#   - address-free rules, each in both families: swfw against ferm's 'domain (ip ip6)' form,
#     compared per emitted rule.
# Usage: bench/compile-100k.sh [RULES] (default 100000); RUNS=N sets the runs per command (default 5).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rules="${1:-100000}"
runs="${RUNS:-5}"
command -v ferm >/dev/null || { echo "compile-100k: needs ferm (apt-get install ferm)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen-100k.py --rules "$rules" "$work"
./swfw --version >/dev/null # builds the CLI and records its start-up archive before anything is timed

echo "== $rules rules, one per source address: swfw (both families) against ferm's block form"
python3 bench/measure.py --runs "$runs" --warmup 1 --peer ferm-block --json "$work/addresses.json" \
  ferm-block="ferm --noexec --lines --remote $work/addresses-block.ferm" \
  swfw="./swfw compile $work/addresses.swfw -o $work/out-addresses"
echo
echo "== $rules address-free rules, each in both families: swfw against ferm's 'domain (ip ip6)' form"
python3 bench/measure.py --runs "$runs" --warmup 1 --peer ferm-dual --json "$work/dual.json" \
  ferm-dual="ferm --noexec --lines --remote $work/dual.ferm" \
  swfw="./swfw compile $work/dual.swfw -o $work/out-dual"

emitted() { cat "$@" | grep -c '^-A' || true; }
ferm --noexec --lines --remote "$work/addresses-block.ferm" >"$work/ferm-addresses.txt"
ferm --noexec --lines --remote "$work/dual.ferm" >"$work/ferm-dual.txt"
python3 - "$work" "$(emitted "$work"/out-addresses/*)" "$(emitted "$work/ferm-addresses.txt")" \
  "$(emitted "$work"/out-dual/*)" "$(emitted "$work/ferm-dual.txt")" <<'EOF'
import json, sys
work, a_swfw, a_ferm, d_swfw, d_ferm = sys.argv[1], *map(int, sys.argv[2:])
a = json.load(open(f"{work}/addresses.json"))
d = json.load(open(f"{work}/dual.json"))
print()
print("summary (speed-up = ferm's median / swfw's median; per emitted rule = the same, each divided by its rules)")
print(f"  addresses: ferm block {a['ferm-block']['wall']:.2f} s, {a_ferm} rules; swfw {a['swfw']['wall']:.2f} s, "
      f"{a_swfw} rules; speed-up {a['ferm-block']['wall'] / a['swfw']['wall']:.1f}x wall, "
      f"{a['ferm-block']['cpu'] / a['swfw']['cpu']:.1f}x CPU (target 10x); swfw peak {a['swfw']['rss_mb']:.0f} MB (target < 512)")
per = lambda m, n: m / n
print(f"  dual-stack: ferm {d['ferm-dual']['wall']:.2f} s, {d_ferm} rules; swfw {d['swfw']['wall']:.2f} s, {d_swfw} rules; "
      f"per emitted rule {per(d['ferm-dual']['wall'], d_ferm) / per(d['swfw']['wall'], d_swfw):.1f}x wall, "
      f"{per(d['ferm-dual']['cpu'], d_ferm) / per(d['swfw']['cpu'], d_swfw):.1f}x CPU (target 3x); "
      f"swfw peak {d['swfw']['rss_mb']:.0f} MB")
EOF
