# Namespace hosts for the push benchmarks (sourced, bash): N network namespaces on a bridge, each
# running its own OpenSSH server (own host key) in a private mount namespace with its own
# /etc/swfw, /etc/iptables, /var/lib/swfw and /run/swfw, Docker 28's filter chains loaded: the
# same hosts as the runtime's test lab (runtime/src/test/java/swfw/runtime/lab/SshLab.java).
#
#   nshosts_up N        creates them; sets NS_WORK (a temporary folder) holding id_ed25519 (the
#                       operator's key, authorized for root everywhere), known_hosts (every host's
#                       key), hosts.swfw (one 'host' statement a host: h1 role master, the others
#                       worker) and lab.env (what nshosts_down needs)
#   nshosts_reset       puts every host back to a fresh Docker host (Docker's chains only, no swfw state)
#   nshosts_down        stops the servers, deletes the namespaces, the bridge and NS_WORK
#   nshosts_cpu         CPU time (ms) the hosts' SSH servers and every session they ran have used so far
#   nshosts_count TEXT  how many hosts have TEXT in their live IPv4 and IPv6 filter tables
#
# Run as a script, for working on the benchmarks by hand:
#   bench/lib/nshosts.sh up N      starts N hosts that stay up; prints the folder
#   bench/lib/nshosts.sh reset DIR
#   bench/lib/nshosts.sh down DIR

NS_FIXTURE=${NS_FIXTURE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/runtime/src/test/resources/swfw/runtime/lab}

nshosts_up() {
  local hosts=$1 subnet="" candidate id i ns addr d m mounts role
  [[ $(id -u) -eq 0 ]] || { echo "nshosts: needs root (network namespaces, sshd)" >&2; return 2; }
  for t in ip sshd ssh-keygen iptables-restore ip6tables-restore unshare; do
    command -v "$t" >/dev/null || [[ -x /usr/sbin/$t ]] || { echo "nshosts: $t is missing" >&2; return 2; }
  done
  for candidate in 198.18.9 198.19.9 198.18.19 198.19.19; do
    if ! ip -4 route show match "$candidate.0/24" | grep -qv '^default'; then subnet=$candidate; break; fi
  done
  [[ -n $subnet ]] || { echo "nshosts: no free test network" >&2; return 2; }
  id=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
  NS_WORK=$(mktemp -d "/tmp/swfw-bench-$id-XXXX")
  chmod 755 "$NS_WORK"
  printf 'NS_ID=%s\nNS_HOSTS=%s\nNS_SUBNET=%s\n' "$id" "$hosts" "$subnet" >"$NS_WORK/lab.env"
  NS_ID=$id NS_HOSTS=$hosts NS_SUBNET=$subnet
  ip link add "swfwbb-$id" type bridge
  ip addr add "$subnet.1/24" dev "swfwbb-$id"
  ip link set "swfwbb-$id" up
  ssh-keygen -q -t ed25519 -N '' -C swfw-bench -f "$NS_WORK/id_ed25519"
  : >"$NS_WORK/known_hosts"
  : >"$NS_WORK/hosts.swfw"
  for i in $(seq 1 "$hosts"); do
    ns="swfw-bench$id-h$i"; addr="$subnet.$((10 + i))"; d="$NS_WORK/h$i"
    mkdir -p "$d"/{etc-swfw,etc-iptables,var-swfw,run-swfw}
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip link add "sb$id-$i" type veth peer name eth0 netns "$ns"
    ip link set "sb$id-$i" master "swfwbb-$id" up
    ip -n "$ns" link set eth0 up
    ip -n "$ns" addr add "$addr/24" dev eth0
    ssh-keygen -q -t ed25519 -N '' -C "h$i" -f "$d/host_key"
    cp "$NS_WORK/id_ed25519.pub" "$d/authorized_keys"
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
MaxSessions 100
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
    echo "$addr $(cut -d' ' -f1,2 "$d/host_key.pub")" >>"$NS_WORK/known_hosts"
    mounts=""
    for m in /etc/swfw:etc-swfw /etc/iptables:etc-iptables /var/lib/swfw:var-swfw /run/swfw:run-swfw; do
      mounts+="mkdir -p ${m%%:*}; mount --bind $d/${m##*:} ${m%%:*}; "
    done
    # setsid: the server outlives a shell that started it by hand (nshosts.sh up); its pid is kept
    setsid ip netns exec "$ns" unshare -m sh -c "set -e; $mounts for f in /root/.bashrc /root/.profile; do [ -e \$f ] && mount --bind /dev/null \$f; done; mkdir -p /run/sshd; exec /usr/sbin/sshd -D -e -f $d/sshd_config" \
      </dev/null >"$d/sshd.log" 2>&1 &
    echo $! >"$d/sshd.pid"
    disown $!   # stopped by nshosts_down, by its pid: no job notice
    role=worker; [[ $i -eq 1 ]] && role=master
    echo "host h$i role $role address $addr key \"$NS_WORK/id_ed25519\";" >>"$NS_WORK/hosts.swfw"
  done
  for i in $(seq 1 "$hosts"); do   # wait for every sshd to listen
    for _ in $(seq 1 100); do
      ip netns exec "swfw-bench$id-h$i" sh -c 'grep -q ":0016 00000000:0000 0A" /proc/net/tcp' && break
      sleep 0.05
    done
  done
  nshosts_reset
}

nshosts_load() {   # reads lab.env of the folder $1 (for the by-hand commands)
  NS_WORK=$1
  # shellcheck disable=SC1091
  . "$NS_WORK/lab.env"
}

nshosts_reset() {
  local i ns d p
  for i in $(seq 1 "$NS_HOSTS"); do
    ns="swfw-bench$NS_ID-h$i"; d="$NS_WORK/h$i"
    rm -rf "$d"/etc-swfw/* "$d"/etc-iptables/* "$d"/var-swfw/* "$d"/run-swfw/*
    # a rollback timer of an earlier push (there should be none: each push is confirmed)
    for p in $(ip netns pids "$ns" 2>/dev/null); do
      [[ $(cat "/proc/$p/comm" 2>/dev/null) == sshd ]] || kill "$p" 2>/dev/null || true
    done
    grep -v '^#' "$NS_FIXTURE/docker28-filter.v4" | ip netns exec "$ns" iptables-restore
    grep -v '^#' "$NS_FIXTURE/docker28-filter.v6" | ip netns exec "$ns" ip6tables-restore
  done
}

nshosts_cpu() {
  local i p t sum=0 hz
  hz=$(getconf CLK_TCK)
  for i in $(seq 1 "$NS_HOSTS"); do
    p=$(cat "$NS_WORK/h$i/sshd.pid")
    # utime stime cutime cstime: the server's own and that of its finished children (sessions)
    t=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat")
    sum=$((sum + t))
  done
  echo $((sum * 1000 / hz))
}

nshosts_count() {
  local i n=0 ns
  for i in $(seq 1 "$NS_HOSTS"); do
    ns="swfw-bench$NS_ID-h$i"
    if ip netns exec "$ns" iptables-save -t filter | grep -qF -- "$1" &&
        ip netns exec "$ns" ip6tables-save -t filter | grep -qF -- "$1"; then
      n=$((n + 1))
    fi
  done
  echo "$n"
}

nshosts_down() {
  local i ns p
  [[ -n ${NS_WORK:-} && -f $NS_WORK/lab.env ]] || return 0
  for i in $(seq 1 "$NS_HOSTS"); do
    ns="swfw-bench$NS_ID-h$i"
    for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  ip link del "swfwbb-$NS_ID" 2>/dev/null || true
  rm -rf "$NS_WORK"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    up) nshosts_up "${2:-20}"; echo "$NS_WORK" ;;
    reset) nshosts_load "$2"; nshosts_reset ;;
    down) nshosts_load "$2"; nshosts_down ;;
    *) echo "usage: $0 up N | reset DIR | down DIR" >&2; exit 2 ;;
  esac
fi
