#!/usr/bin/env bash
# `swfw push` against an Ansible playbook that only copies, tests and loads the same rules
# (bench/ansible/push.yml), on the same N namespace hosts (each with its own OpenSSH server,
# bench/lib/nshosts.sh), with the same SSH key and known_hosts, in the same run, interleaved.
#
# Every timed push changes every host: before each one the hosts are reset to a fresh Docker host
# and given the OTHER of two policies with an untimed `swfw push` (the seed's cluster, and the same
# with one more rule for every role); the timed push then installs this run's policy. So swfw never
# skips a host as "in policy", and both tools replace a live policy, as on a real cluster.
# Not a test: run it by hand, as root (Debian's ansible: apt-get install ansible).
#
# Usage: bench/push-vs-ansible.sh [HOSTS] [RUNS]        (defaults: 20 hosts, 3 runs)
#   SETTINGS="swfw:1 swfw:20 ansible:1 ansible:5 ansible:20 ansible+pipelining:5 ansible+pipelining:20"
#   (the default, with 20 for HOSTS)
#   TOOL:FORKS, timed in this order in each run (rotated by one each run). TOOL is swfw or ansible,
#   the latter optionally with +pipelining (ANSIBLE_PIPELINING=True) and +facts (the play gathers
#   facts, Ansible's default). Prints every time, then medians and ratios, and the CPU-bound floor of
#   a push on this machine (a --forks 1 push's CPU time, hosts and swfw, over the number of cores).
#   SWFW_BASE=path/to/other/checkout/swfw adds the TOOL "base": swfw push through the launcher of another
#   built checkout (say, main's, with its own start-up archive), e.g. SETTINGS="base:20 swfw:20";
#   SWFW_BASE_JAR=path/to/swfw.jar does the same with a bare jar, started with ./swfw's JVM flags.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
hosts=${1:-20}
runs=${2:-3}
read -r -a settings <<<"${SETTINGS:-swfw:1 swfw:$hosts ansible:1 ansible:5 ansible:$hosts ansible+pipelining:5 ansible+pipelining:$hosts}"

# shellcheck source=bench/lib/nshosts.sh
. bench/lib/nshosts.sh
command -v ansible-playbook >/dev/null || { echo "push-vs-ansible: ansible-playbook is missing (apt-get install ansible)" >&2; exit 2; }
./swfw --version >/dev/null    # builds the CLI when needed
./swfw push --help >/dev/null  # records the start-up archive of the SSH verbs when needed
if [[ -x ${SWFW_BASE:-} ]]; then "$SWFW_BASE" push --help >/dev/null; fi   # the other build's archive too
nshosts_up "$hosts"
trap nshosts_down EXIT
W=$NS_WORK

# the two policies, compiled for Ansible in the live form (the one for iptables-restore --noflush)
grep -v '^host ' examples/swarm/cluster.swfw >"$W/a.swfw"
cat "$W/hosts.swfw" >>"$W/a.swfw"
{ cat "$W/a.swfw"; echo 'allow tcp 9100 from 198.51.100.0/24 "metrics";'; } >"$W/b.swfw"
for policy in a b; do ./swfw compile "$W/$policy.swfw" --live -o "$W/rules-$policy" >/dev/null; done
bench/ansible/inventory.sh "$W/a.swfw" "$W/known_hosts" >"$W/hosts.ini"
marker() { echo "\"$1.swfw:"; }   # the policy's rules carry its file name in their comments

swfw_push() {   # POLICY FORKS OUT
  ./swfw push "$W/$1.swfw" --known-hosts "$W/known_hosts" --forks "$2" --output json >"$3" 2>"$3.err"
}

# Each run of ansible-playbook gets its own ControlPersist folder, and its SSH masters are closed
# after it: no run reuses the connections of another.
close_masters() {
  local s
  for s in "$1"/*; do
    [[ -S $s ]] && ssh -o ControlPath="$s" -O exit swfw-bench >/dev/null 2>&1 || true
  done
}

# times one push; sets secs, hcpu (the hosts' CPU, s) and ccpu (the operator's side, s)
timed() {   # SETTING POLICY OTHER N
  local tool=${1%:*} forks=${1##*:} p=$2 other=$3 n=$4 out="$W/out-$4" h0 h1 t0 t1 pipelining facts ok
  nshosts_reset
  swfw_push "$other" "$hosts" "$out.pre" || { echo "push-vs-ansible: the untimed push of policy $other failed:" >&2; cat "$out.pre.err" >&2; exit 1; }
  h0=$(nshosts_cpu)
  t0=$(date +%s.%N)
  case $tool in
    swfw)
      /usr/bin/time -f '%U %S' -o "$out.time" ./swfw push "$W/$p.swfw" --known-hosts "$W/known_hosts" --forks "$forks" \
        --output json >"$out" 2>"$out.err" || { echo "push-vs-ansible: swfw push failed:" >&2; cat "$out.err" >&2; exit 1; }
      t1=$(date +%s.%N)
      [[ $(grep -c '"result": "applied"' "$out") -eq $hosts ]] || { echo "push-vs-ansible: not every host applied" >&2; cat "$out" >&2; exit 1; }
      ;;
    base)
      if [[ -x ${SWFW_BASE:-} ]]; then
        /usr/bin/time -f '%U %S' -o "$out.time" "$SWFW_BASE" push "$W/$p.swfw" --known-hosts "$W/known_hosts" --forks "$forks" \
          --output json >"$out" 2>"$out.err" || { echo "push-vs-ansible: swfw push (base) failed:" >&2; cat "$out.err" >&2; exit 1; }
      else
        [[ -f ${SWFW_BASE_JAR:-} ]] || { echo "push-vs-ansible: 'base' needs SWFW_BASE or SWFW_BASE_JAR" >&2; exit 2; }
        # shellcheck disable=SC2086
        /usr/bin/time -f '%U %S' -o "$out.time" java ${SWFW_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto} \
          -jar "$SWFW_BASE_JAR" push "$W/$p.swfw" --known-hosts "$W/known_hosts" --forks "$forks" --output json >"$out" 2>"$out.err" ||
          { echo "push-vs-ansible: swfw push (base) failed:" >&2; cat "$out.err" >&2; exit 1; }
      fi
      t1=$(date +%s.%N)
      [[ $(grep -c '"result": "applied"' "$out") -eq $hosts ]] || { echo "push-vs-ansible: not every host applied" >&2; cat "$out" >&2; exit 1; }
      ;;
    ansible*)
      pipelining=False facts=false ok=2
      [[ $tool == *+pipelining* ]] && pipelining=True
      [[ $tool == *+facts* ]] && facts=true ok=3
      ANSIBLE_PIPELINING=$pipelining ANSIBLE_SSH_CONTROL_PATH_DIR="$W/cp-$n" ANSIBLE_NOCOLOR=1 \
        /usr/bin/time -f '%U %S' -o "$out.time" ansible-playbook -i "$W/hosts.ini" -f "$forks" -e "rules_dir=$W/rules-$p" \
        -e "swfw_gather_facts=$facts" bench/ansible/push.yml </dev/null >"$out" 2>&1 ||
        { echo "push-vs-ansible: ansible-playbook failed:" >&2; tail -30 "$out" >&2; exit 1; }
      t1=$(date +%s.%N)
      close_masters "$W/cp-$n"
      [[ $(grep -cE " ok=$ok +changed=2 +unreachable=0 +failed=0 " "$out") -eq $hosts ]] ||
        { echo "push-vs-ansible: the playbook did not change every host" >&2; tail -30 "$out" >&2; exit 1; }
      if grep -q 'transfer mechanism failed' "$out"; then echo "push-vs-ansible: sftp/scp failed on a host" >&2; exit 1; fi
      ;;
    *) echo "push-vs-ansible: unknown tool in setting '$1'" >&2; exit 2 ;;
  esac
  [[ $(nshosts_count "$(marker "$p")") -eq $hosts ]] || { echo "push-vs-ansible: policy $p is not live on every host after '$1'" >&2; exit 1; }
  h1=$(nshosts_cpu)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  hcpu=$(awk -v a="$h0" -v b="$h1" 'BEGIN { printf "%.2f", (b - a) / 1000 }')
  ccpu=$(awk '{ printf "%.2f", $1 + $2 }' "$out.time")
}

label() {
  local tool=${1%:*} forks=${1##*:} l
  case $tool in
    swfw) echo "swfw push --forks $forks" ;;
    base) echo "swfw push --forks $forks (base)" ;;
    ansible*)
      l="ansible-playbook -f $forks"
      [[ $tool == *+pipelining* ]] && l+=", pipelining"
      [[ $tool == *+facts* ]] && l+=", facts"
      echo "$l"
      ;;
  esac
}

# warm-up, untimed: the JVM's and Python's caches, both tools' files on the hosts
nshosts_reset
swfw_push a "$hosts" "$W/warm" || { cat "$W/warm.err" >&2; exit 1; }
ANSIBLE_SSH_CONTROL_PATH_DIR="$W/cp-warm" ansible-playbook -i "$W/hosts.ini" -e "rules_dir=$W/rules-b" --limit h1 \
  bench/ansible/push.yml </dev/null >"$W/warm.ansible" 2>&1 || { cat "$W/warm.ansible" >&2; exit 1; }
close_masters "$W/cp-warm"

echo "push-vs-ansible: $hosts hosts, $runs runs, $(nproc) cores; each timed push replaces the other policy on every host"
declare -A times hostcpu opcpu
n=0
for run in $(seq 1 "$runs"); do
  policy=a other=b
  ((run % 2 == 0)) && policy=b other=a
  count=${#settings[@]}
  for k in $(seq 0 $((count - 1))); do
    s=${settings[$(((k + run - 1) % count))]}
    n=$((n + 1))
    timed "$s" "$policy" "$other" "$n"
    times[$s]+="$secs "
    hostcpu[$s]+="$hcpu "
    opcpu[$s]+="$ccpu "
    printf 'run %s: %-40s %7.2f s   (hosts %5.2f s CPU, operator %5.2f s CPU)\n' "$run" "$(label "$s")" "$secs" "$hcpu" "$ccpu"
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo
printf '%-40s %9s %14s %16s\n' "median of $runs" "wall (s)" "hosts CPU (s)" "operator CPU (s)"
declare -A med
for s in "${settings[@]}"; do
  med[$s]=$(median <<<"${times[$s]}")
  printf '%-40s %9.2f %14.2f %16.2f\n' "$(label "$s")" "${med[$s]}" "$(median <<<"${hostcpu[$s]}")" "$(median <<<"${opcpu[$s]}")"
done
echo
ratio() { awk -v a="${med[$1]}" -v b="${med[$2]}" 'BEGIN { printf "%.1f", a / b }'; }
fastest=""   # the fastest swfw setting: each Ansible setting is compared with it
for s in "${settings[@]}"; do
  [[ $s == swfw:* ]] || continue
  if [[ -z $fastest ]] || awk -v a="${med[$s]}" -v b="${med[$fastest]}" 'BEGIN { exit !(a < b) }'; then
    fastest=$s
  fi
done
for s in "${settings[@]}"; do
  [[ $s == swfw:* ]] && continue
  printf '%-40s / %-26s %6sx\n' "$(label "$s")" "$(label "$fastest")" "$(ratio "$s" "$fastest")"
done
if [[ -n ${med[swfw:1]:-} && -n ${med[swfw:$hosts]:-} ]]; then
  printf '%-40s / %-26s %6sx   (%s hosts)\n' "$(label swfw:1)" "$(label "swfw:$hosts")" "$(ratio swfw:1 "swfw:$hosts")" "$hosts"
  # On this machine the hosts and swfw share the cores: however many hosts run at once, a push cannot
  # take less than the CPU time a --forks 1 push uses (hosts and swfw) spread over every core.
  cpu1=$(awk -v h="$(median <<<"${hostcpu[swfw:1]}")" -v o="$(median <<<"${opcpu[swfw:1]}")" 'BEGIN { print h + o }')
  awk -v c="$cpu1" -v n="$(nproc)" -v w1="${med[swfw:1]}" -v wn="${med[swfw:$hosts]}" -v h="$hosts" 'BEGIN {
    floor = c / n
    printf "CPU-bound floor: %.2f s CPU of a --forks 1 push / %d cores = %.2f s; --forks %s takes %.2f s (floor/wall %.0f%%),\n", c, n, floor, h, wn, 100 * floor / wn
    printf "a speed-up over --forks 1 of %.1fx where the floor allows at most %.1fx\n", w1 / wn, w1 / floor
  }'
fi
