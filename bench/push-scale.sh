#!/usr/bin/env bash
# Scale check for `swfw push`: N hosts (network namespaces, each running its own OpenSSH server
# with Docker 28's filter chains loaded) pushed with --forks N against --forks 1. Prints the wall
# time of each push and the ratio. Not a test: run it by hand, as root.
#
# Usage: bench/push-scale.sh [HOSTS] [RUNS]     (defaults: 20 hosts, 2 runs per setting)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
hosts=${1:-20}
runs=${2:-2}

[[ $(id -u) -eq 0 ]] || { echo "push-scale: needs root (network namespaces, sshd)" >&2; exit 2; }
for t in ip sshd ssh-keygen iptables-restore unshare; do
  command -v "$t" >/dev/null || [[ -x /usr/sbin/$t ]] || { echo "push-scale: $t is missing" >&2; exit 2; }
done
./swfw --version >/dev/null    # builds the CLI when needed

subnet=""
for candidate in 198.18.9 198.19.9 203.0.113 198.51.100; do
  if ! ip -4 route show match "$candidate.0/24" | grep -qv '^default'; then subnet=$candidate; break; fi
done
[[ -n $subnet ]] || { echo "push-scale: no free test network" >&2; exit 2; }

id=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
work=$(mktemp -d "/tmp/swfw-bench-$id-XXXX")
bridge="swfwbb-$id"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for i in $(seq 1 "$hosts"); do
    ns="swfw-bench$id-h$i"
    for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fixture=runtime/src/test/resources/swfw/runtime/lab
ip link add "$bridge" type bridge
ip addr add "$subnet.1/24" dev "$bridge"
ip link set "$bridge" up
ssh-keygen -q -t ed25519 -N '' -C swfw-bench -f "$work/id_ed25519"
: >"$work/known_hosts"
inventory=""
echo "push-scale: starting $hosts hosts on $subnet.0/24" >&2
for i in $(seq 1 "$hosts"); do
  ns="swfw-bench$id-h$i"; addr="$subnet.$((10 + i))"; d="$work/h$i"
  mkdir -p "$d"/{etc-swfw,etc-iptables,var-swfw,run-swfw,state,sbin}
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip link add "sb$id-$i" type veth peer name eth0 netns "$ns"
  ip link set "sb$id-$i" master "$bridge" up
  ip -n "$ns" link set eth0 up
  ip -n "$ns" addr add "$addr/24" dev eth0
  ssh-keygen -q -t ed25519 -N '' -C "h$i" -f "$d/host_key"
  cp "$work/id_ed25519.pub" "$d/authorized_keys"
  cat >"$d/sshd_config" <<EOF
Port 22
ListenAddress 0.0.0.0
HostKey $d/host_key
PidFile none
AuthorizedKeysFile $d/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
LogLevel ERROR
MaxStartups 100
EOF
  echo "$addr $(cut -d' ' -f1,2 "$d/host_key.pub")" >>"$work/known_hosts"
  mounts=""
  for m in /etc/swfw:etc-swfw /etc/iptables:etc-iptables /var/lib/swfw:var-swfw /run/swfw:run-swfw; do
    mounts+="mkdir -p ${m%%:*}; mount --bind $d/${m##*:} ${m%%:*}; "
  done
  ip netns exec "$ns" unshare -m sh -c "set -e; $mounts for f in /root/.bashrc /root/.profile; do [ -e \$f ] && mount --bind /dev/null \$f; done; mkdir -p /run/sshd; exec /usr/sbin/sshd -D -e -f $d/sshd_config" \
    >"$d/sshd.log" 2>&1 &
  pids+=($!)
  inventory+="host h$i role worker address $addr key \"$work/id_ed25519\";"$'\n'
done
for i in $(seq 1 "$hosts"); do   # wait for every sshd
  for _ in $(seq 1 100); do
    ip netns exec "swfw-bench$id-h$i" sh -c 'grep -q ":0016 00000000:0000 0A" /proc/net/tcp' && break
    sleep 0.05
  done
done
grep -v '^host ' examples/swarm/cluster.swfw >"$work/cluster.swfw"
printf '%s' "$inventory" >>"$work/cluster.swfw"

reset_hosts() {
  for i in $(seq 1 "$hosts"); do
    ns="swfw-bench$id-h$i"; d="$work/h$i"
    rm -rf "$d"/etc-swfw/* "$d"/var-swfw/* "$d"/run-swfw/*
    grep -v '^#' "$fixture/docker28-filter.v4" | ip netns exec "$ns" iptables-restore
    grep -v '^#' "$fixture/docker28-filter.v6" | ip netns exec "$ns" ip6tables-restore
  done
}

declare -A best
for forks in 1 "$hosts"; do
  for run in $(seq 1 "$runs"); do
    reset_hosts
    start=$(date +%s.%N)
    if ! ./swfw push "$work/cluster.swfw" --known-hosts "$work/known_hosts" --forks "$forks" \
        --confirm-timeout 20 --output json >"$work/out.json" 2>"$work/err.txt"; then
      echo "push-scale: push failed with --forks $forks:" >&2; cat "$work/err.txt" >&2; exit 1
    fi
    end=$(date +%s.%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    applied=$(grep -c '"result": "applied"' "$work/out.json" || true)
    printf 'forks %-3s run %s: %6.2f s wall, %s/%s hosts applied\n' "$forks" "$run" "$secs" "$applied" "$hosts"
    [[ $applied -eq $hosts ]] || { echo "push-scale: not every host was applied" >&2; exit 1; }
    if [[ -z ${best[$forks]:-} ]] || awk -v a="$secs" -v b="${best[$forks]}" 'BEGIN { exit !(a < b) }'; then
      best[$forks]=$secs
    fi
  done
done
printf 'best: --forks 1 %.2f s, --forks %s %.2f s, speed-up %.1fx (%s hosts, %s cores)\n' "${best[1]}" "$hosts" \
  "${best[$hosts]}" "$(awk -v a="${best[1]}" -v b="${best[$hosts]}" 'BEGIN { print a / b }')" "$hosts" "$(nproc)"
