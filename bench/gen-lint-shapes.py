#!/usr/bin/env python3
"""Writes policies shaped to make swfw check's lints work hardest, one file per shape, into DIR.

    gen-lint-shapes.py [--rules N] DIR

Each policy has N rules (default 25,000) on guarded interfaces. Shapes:

  swarm-hosts.swfw      one 'allow tcp PORT from HOST' per single address, swarm's control ports among
                        them: as many source classes as rules for the swarm port lints (SW4005-SW4007);
                        warnings only (no VXLAN port, whose finding is an error and fails the check)
  swarm-dests.swfw      the same with 'to HOST': as many destination classes as rules
  ssh-blocklist.swfw    one 'deny from HOST' per address, then 'allow tcp ssh from' a network, and
                        inventory hosts: what the lockout lint (SW4001) probes on
  out-ifaces.swfw       outbound rules on distinct interfaces: the coverage lints (SW4002-SW4004)
  publish-ifaces.swfw   publishes each on its own interface (SW4010)
  suppressed.swfw       duplicate rules, each with a 'swfw:ignore' directive (suppressions)
  expect-sources.swfw   one 'allow tcp 22 from HOST' per address and an expectation that holds: the
                        expectation is sampled from every source the rules name (SW4101)

The output is deterministic: the same N gives the same bytes.
"""
import argparse
import os

SWARM = ["2377", "7946"]


def v4(i):
    return f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"


def port(i):
    return SWARM[i % 2] if i % 10 < 3 else str(1024 + i % 50000)


def proto(i):
    return "udp" if port(i) == "7946" and i % 2 else "tcp"


def write(out, name, header, lines):
    with open(os.path.join(out, name), "w") as f:
        f.write(f"# {header} (bench/gen-lint-shapes.py)\n")
        f.writelines(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rules", type=int, default=25_000)
    p.add_argument("dir")
    a = p.parse_args()
    n, out = a.rules, a.dir
    os.makedirs(out, exist_ok=True)
    write(out, "swarm-hosts.swfw", f"{n} rules, each from one address", [
        "public eth0;\n", *(f"allow {proto(i)} {port(i)} from {v4(i + 1)};\n" for i in range(n))])
    write(out, "swarm-dests.swfw", f"{n} rules, each to one address", [
        "public eth0;\n", *(f"allow {proto(i)} {port(i)} to {v4(i + 1)};\n" for i in range(n))])
    write(out, "ssh-blocklist.swfw", f"{n} deny rules, each from one address, and ssh from a network", [
        "public eth0;\n", *(f"deny from {v4(i * 2 + 1)};\n" for i in range(n)),
        "allow tcp ssh from 10.255.0.0/16;\n",
        *(f"host h{i} role default address 192.0.2.{i + 1};\n" for i in range(20))])
    write(out, "out-ifaces.swfw", f"{n} outbound rules on distinct interfaces", [
        "public eth0;\n", *(f"allow out tcp 443 on e{i};\n" for i in range(n))])
    write(out, "publish-ifaces.swfw", f"{n} publishes on distinct interfaces", [
        "public eth0;\n", *(f"publish tcp {1024 + i % 50000} on p{i};\n" for i in range(n))])
    write(out, "suppressed.swfw", f"{n} duplicated rules, each suppressed", [
        "public eth0;\nallow tcp 1024-65535;\n",
        *(f"# swfw:ignore SW4002 -- shape\nallow tcp {1024 + i % 50000};\n" for i in range(n))])
    write(out, "expect-sources.swfw", f"{n} rules, each from one address, and an expectation", [
        "public eth0;\n", *(f"allow tcp 22 from {v4(i + 1)};\n" for i in range(n)), "expect drop tcp 23;\n"])


if __name__ == "__main__":
    main()
