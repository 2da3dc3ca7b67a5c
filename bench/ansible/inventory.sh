#!/usr/bin/env bash
# Writes an Ansible inventory (INI) for the hosts of a swfw policy or inventory file, for the
# push benchmark's playbook (bench/ansible/push.yml): one line a host with its address, SSH user,
# port and key, and its node role as swfw_role (which compiled rules it gets).
#
# Usage: bench/ansible/inventory.sh POLICY.swfw [KNOWN_HOSTS] > hosts.ini
#   KNOWN_HOSTS: the OpenSSH known_hosts file to check host keys against (host key checking stays on)
set -euo pipefail
policy=${1:?usage: inventory.sh POLICY.swfw [KNOWN_HOSTS]}
known=${2:-}

echo "[swfw]"
# host NAME role ROLE address ADDR [user U] [port P] [key "FILE"] [jump J] [swarm S];
grep -E '^[[:space:]]*host[[:space:]]' "$policy" | sed -e 's/#.*//' -e 's/;[[:space:]]*$//' | awk '
  {
    line = $2
    for (i = 3; i < NF; i += 2) {
      v = $(i + 1); gsub(/"/, "", v)
      if ($i == "role") line = line " swfw_role=" v
      else if ($i == "address") line = line " ansible_host=" v
      else if ($i == "user") line = line " ansible_user=" v
      else if ($i == "port") line = line " ansible_port=" v
      else if ($i == "key") line = line " ansible_ssh_private_key_file=" v
      else if ($i == "jump") { print "inventory.sh: " $2 ": jump hosts are not supported" > "/dev/stderr"; exit 1 }
    }
    print line
  }'
echo
echo "[swfw:vars]"
echo "ansible_user=root"
if [[ -n $known ]]; then
  echo "ansible_ssh_common_args='-o UserKnownHostsFile=$known'"
fi
