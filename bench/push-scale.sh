#!/usr/bin/env bash
# Scale check for `swfw push`: N hosts (network namespaces, each running its own OpenSSH server
# with Docker 28's filter chains loaded: bench/lib/nshosts.sh) pushed with --forks N against
# --forks 1, interleaved. Prints the wall time of each push, the CPU the hosts and swfw used, the
# ratio of the medians, and the CPU-bound floor (a --forks 1 push's CPU time over the cores). Not a
# test: run it by hand, as root. bench/push-vs-ansible.sh times the same pushes against an Ansible
# playbook.
#
# Usage: bench/push-scale.sh [HOSTS] [RUNS]     (defaults: 20 hosts, 3 runs per setting)
#   SWFW_BASE=path/to/other/checkout/swfw times that build's launcher too, in the same runs (interleaved).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
hosts=${1:-20}
runs=${2:-3}

# shellcheck source=bench/lib/nshosts.sh
. bench/lib/nshosts.sh
./swfw --version >/dev/null    # builds the CLI when needed
./swfw push --help >/dev/null  # records the start-up archive of the SSH verbs when needed
echo "push-scale: starting $hosts hosts" >&2
nshosts_up "$hosts"
trap nshosts_down EXIT
grep -v '^host ' examples/swarm/cluster.swfw >"$NS_WORK/cluster.swfw"
cat "$NS_WORK/hosts.swfw" >>"$NS_WORK/cluster.swfw"

builds=(./swfw)
if [[ -x ${SWFW_BASE:-} ]]; then "$SWFW_BASE" push --help >/dev/null; builds+=("$SWFW_BASE"); fi
declare -A times cpus
for run in $(seq 1 "$runs"); do
  for setting in 1 "$hosts" ${SWFW_BASE:+base1 "base$hosts"}; do
    forks=${setting#base} swfw=./swfw label=""
    if [[ $setting == base* ]]; then swfw=$SWFW_BASE label=" (base)"; fi
    nshosts_reset
    h0=$(nshosts_cpu)
    start=$(date +%s.%N)
    if ! /usr/bin/time -f '%U %S' -o "$NS_WORK/time" "$swfw" push "$NS_WORK/cluster.swfw" --known-hosts "$NS_WORK/known_hosts" \
        --forks "$forks" --output json >"$NS_WORK/out.json" 2>"$NS_WORK/err.txt"; then
      echo "push-scale: push failed with --forks $forks:" >&2; cat "$NS_WORK/err.txt" >&2; exit 1
    fi
    end=$(date +%s.%N)
    h1=$(nshosts_cpu)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    applied=$(grep -c '"result": "applied"' "$NS_WORK/out.json" || true)
    hcpu=$(awk -v a="$h0" -v b="$h1" 'BEGIN { print (b - a) / 1000 }')
    scpu=$(awk '{ print $1 + $2 }' "$NS_WORK/time")
    printf 'forks %-3s run %s: %6.2f s wall, %s/%s hosts applied (hosts %.2f s CPU, swfw %.2f s CPU)%s\n' "$forks" "$run" \
      "$secs" "$applied" "$hosts" "$hcpu" "$scpu" "$label"
    cpus[$setting]+="$(awk -v a="$hcpu" -v b="$scpu" 'BEGIN { print a + b }') "
    [[ $applied -eq $hosts ]] || { echo "push-scale: not every host was applied" >&2; exit 1; }
    times[$setting]+="$secs "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
m1=$(median <<<"${times[1]}")
mn=$(median <<<"${times[$hosts]}")
printf 'median: --forks 1 %.2f s, --forks %s %.2f s, speed-up %.1fx (%s hosts, %s cores)\n' "$m1" "$hosts" "$mn" \
  "$(awk -v a="$m1" -v b="$mn" 'BEGIN { print a / b }')" "$hosts" "$(nproc)"
if [[ -n ${SWFW_BASE:-} ]]; then
  b1=$(median <<<"${times[base1]}") bn=$(median <<<"${times[base$hosts]}")
  printf 'base (%s): --forks 1 %.2f s, --forks %s %.2f s; CPU (hosts + swfw) %.2f and %.2f s against %.2f and %.2f s\n' \
    "$SWFW_BASE" "$b1" "$hosts" "$bn" "$(median <<<"${cpus[base1]}")" "$(median <<<"${cpus[base$hosts]}")" \
    "$(median <<<"${cpus[1]}")" "$(median <<<"${cpus[$hosts]}")"
fi
# the hosts and swfw share the cores: no push takes less than a --forks 1 push's CPU time over them
awk -v c="$(median <<<"${cpus[1]}")" -v n="$(nproc)" -v w1="$m1" -v wn="$mn" -v h="$hosts" 'BEGIN {
  printf "CPU-bound floor: %.2f s CPU of a --forks 1 push / %d cores = %.2f s (floor/wall of --forks %s: %.0f%%; the floor allows at most %.1fx)\n", c, n, c / n, h, 100 * c / n / wn, w1 * n / c
}'
