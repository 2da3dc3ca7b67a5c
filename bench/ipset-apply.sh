#!/usr/bin/env bash
# A blocklist of 100,000 addresses applied into a fresh network namespace (issue 6, target 3), whole
# processes, interleaved, medians, three ways:
#   floor     one 'ipset restore' of the addresses as one hash:ip set, plus one iptables rule;
#   swfw      what 'swfw compile' writes for 'deny from blocklist': ipset restore of <node>.ipset
#             (filled under a temporary name, then swapped in), then iptables-restore and
#             ip6tables-restore of its rules.v4 and rules.v6;
#   per-rule  iptables-restore of one rule per address.
# Every run creates its namespace, applies, and deletes the namespace. Needs root, iproute2, ipset.
# Usage: bench/ipset-apply.sh [ADDRESSES] (default 100000); RUNS=N sets the runs per command (default 5).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
addresses="${1:-100000}"
runs="${RUNS:-5}"
[[ $(id -u) -eq 0 ]] || { echo "ipset-apply: needs root (network namespaces)" >&2; exit 2; }
for tool in ip ipset iptables-restore ip6tables-restore; do
  command -v "$tool" >/dev/null || { echo "ipset-apply: needs $tool" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/gen-100k.py --rules "$addresses" "$work"
./swfw compile "$work/blocklist.swfw" -o "$work/swfw"

# One apply in a namespace of its own, named after this process; the namespace goes even on failure.
cat >"$work/apply" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
ns="swfw-ipset-$$"
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT
case "$1" in
  floor) ip netns exec "$ns" ipset restore <"$2/blocklist-floor.ipset"
         ip netns exec "$ns" iptables-restore <"$2/blocklist-floor.rules" ;;
  swfw) ip netns exec "$ns" ipset restore <"$2/swfw/default.ipset"
        ip netns exec "$ns" iptables-restore <"$2/swfw/default.rules.v4"
        ip netns exec "$ns" ip6tables-restore <"$2/swfw/default.rules.v6" ;;
  per-rule) ip netns exec "$ns" iptables-restore <"$2/blocklist-per-rule.rules" ;;
esac
EOF
chmod +x "$work/apply"

echo "== a blocklist of $addresses addresses applied in a fresh network namespace"
python3 bench/measure.py --runs "$runs" --warmup 1 --peer floor --json "$work/apply.json" \
  floor="$work/apply floor $work" swfw="$work/apply swfw $work" per-rule="$work/apply per-rule $work"
python3 - "$work/apply.json" <<'EOF'
import json, sys
f = json.load(open(sys.argv[1]))
print()
r = lambda name, k: f[name][k] / f['floor'][k]
print(f"summary, ratio to the set floor, wall (CPU): swfw {r('swfw', 'wall'):.2f}x ({r('swfw', 'cpu'):.2f}x) (target 1.2x); "
      f"one rule per address {r('per-rule', 'wall'):.1f}x ({r('per-rule', 'cpu'):.1f}x)")
EOF
