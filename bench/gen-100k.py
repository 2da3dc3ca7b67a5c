#!/usr/bin/env python3
"""Writes a large generated policy for swfw and the same policy written for ferm.

    gen-100k.py [--rules N] DIR

Two policies of N rules (default 100,000) on one guarded interface, each in swfw's language and
in ferm's, into DIR:

  addresses.swfw / addresses-block.ferm
      one rule per source address, half IPv4 and half IPv6, each with a tcp port: the kind of
      policy a long allow list makes. N emitted rules. ferm's fastest natural form: every rule of
      a family in one chain block ('domain ip table filter chain X { ... }').
  dual.swfw / dual.ferm
      N address-free rules (tcp or udp, one port each), so every rule lands in both families:
      2N emitted rules. ferm's dual-stack form: 'domain (ip ip6) table filter chain X { ... }'.

  overlap.swfw
      N tcp rules with overlapping port ranges (a random start, up to 1,000 ports wide) and no
      addresses, so that most are covered by an earlier one: the worst case of the index behind
      swfw check's lints about rules that never match (SW4002-SW4004).

  blocklist.swfw
      a blocklist of N IPv4 addresses ('let blocklist = { ... }; deny from blocklist;'), which swfw
      turns into one kernel address set; beside it the same addresses in the two plain forms that
      bench/ipset-apply.sh loads against it: blocklist-floor.ipset + blocklist-floor.rules (one
      hash:ip set and one rule) and blocklist-per-rule.rules (one rule per address).

The output is deterministic: the same N gives the same bytes.
"""
import argparse
import os

CHAIN = "SWFW-IN-eth0"


def v4(i):
    return f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"


def v6(i):
    return f"2001:db8::{i >> 16 & 0xffff:x}:{i & 0xffff:x}"


def port(i):
    return 1024 + i % 50000


def address_rules(n):
    """(family, address, port) per rule: IPv4 for even i, IPv6 for odd i, every address distinct."""
    for i in range(n):
        yield ("ip", v4(i // 2 + 1), port(i)) if i % 2 == 0 else ("ip6", v6(i // 2 + 1), port(i))


def dual_rules(n):
    """(protocol, port) per rule, every pair distinct: tcp 1..65535, then udp."""
    for i in range(n):
        yield ("tcp" if i < 65535 else "udp", i % 65535 + 1)


def ferm_skeleton(domain):
    return (f"domain {domain} table filter {{\n"
            f"    chain INPUT interface eth0 jump {CHAIN};\n"
            f"    chain {CHAIN} {{\n"
            f"        mod conntrack ctstate (RELATED ESTABLISHED) ACCEPT;\n"
            f"        mod conntrack ctstate INVALID DROP;\n")


def write(path, lines):
    with open(path, "w") as f:
        f.writelines(lines)


def addresses(n, out):
    write(os.path.join(out, "addresses.swfw"), [
        f"# {n} generated rules, one per source address (bench/gen-100k.py)\npublic eth0;\n",
        *(f"allow tcp {p} from {a};\n" for _, a, p in address_rules(n))])
    lines = [f"# {n} generated rules, one per source address (bench/gen-100k.py): ferm's block form\n"]
    for domain in ("ip", "ip6"):
        lines.append(ferm_skeleton(domain))
        lines.extend(f"        saddr {a} proto tcp dport {p} ACCEPT;\n" for d, a, p in address_rules(n) if d == domain)
        lines.append("        DROP;\n    }\n}\n")
    write(os.path.join(out, "addresses-block.ferm"), lines)


def dual(n, out):
    write(os.path.join(out, "dual.swfw"), [
        f"# {n} generated address-free rules, each in both families (bench/gen-100k.py)\npublic eth0;\n",
        *(f"allow {proto} {p};\n" for proto, p in dual_rules(n))])
    write(os.path.join(out, "dual.ferm"), [
        f"# {n} generated address-free rules (bench/gen-100k.py): ferm's dual-stack form\n",
        ferm_skeleton("(ip ip6)"),
        *(f"        proto {proto} dport {p} ACCEPT;\n" for proto, p in dual_rules(n)),
        "        DROP;\n    }\n}\n"])


def overlapping_ranges(n):
    """(low, high) per rule: a deterministic pseudo-random start in 1..64000 and width in 0..1000."""
    x = 12345
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        low = 1 + (x >> 33) % 64000
        yield low, low + (x >> 13) % 1001


def overlap(n, out):
    write(os.path.join(out, "overlap.swfw"), [
        f"# {n} generated tcp rules with overlapping port ranges (bench/gen-100k.py)\npublic eth0;\n",
        *(f"allow tcp {low}-{high};\n" for low, high in overlapping_ranges(n))])


def blocklisted(i):
    """Addresses spread over 198.18.0.0/15 and beyond, as a real list's would be: not one /16."""
    v = (0xC6120000 + i * 7919) & 0xFFFFFFFF
    return f"{v >> 24}.{v >> 16 & 255}.{v >> 8 & 255}.{v & 255}"


def blocklist(n, out):
    addrs = [blocklisted(i) for i in range(n)]
    write(os.path.join(out, "blocklist.swfw"), [
        f"# a blocklist of {n} generated addresses (bench/gen-100k.py)\npublic eth0;\nlet blocklist = {{\n",
        *(f"  {a},\n" for a in addrs),
        "};\ndeny from blocklist;\nallow tcp ssh;\n"])
    write(os.path.join(out, "blocklist-floor.ipset"), [
        f"create floor hash:ip family inet maxelem {max(65536, n)}\n", *(f"add floor {a}\n" for a in addrs)])
    write(os.path.join(out, "blocklist-floor.rules"), [
        "*filter\n-A INPUT -i eth0 -m set --match-set floor src -j DROP\nCOMMIT\n"])
    write(os.path.join(out, "blocklist-per-rule.rules"), [
        "*filter\n", *(f"-A INPUT -s {a}/32 -i eth0 -j DROP\n" for a in addrs), "COMMIT\n"])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rules", type=int, default=100_000)
    p.add_argument("dir")
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    addresses(a.rules, a.dir)
    dual(a.rules, a.dir)
    overlap(a.rules, a.dir)
    blocklist(a.rules, a.dir)


if __name__ == "__main__":
    main()
