#!/usr/bin/env python3
"""Sends hand-built packets as Ethernet frames, one per input line, for the differential test.

Each line: IFACE DST_MAC SRC_MAC FAMILY PROTO SRC DST SPORT DPORT ICMP_TYPE ICMP_ID
(FAMILY 4 or 6; PROTO tcp, udp, icmp or icmpv6). TCP packets are SYNs, UDP carries 4 bytes,
ICMP is the given type with code 0. Run inside the sending network namespace, as root.
"""
import socket
import struct
import sys


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return (~s) & 0xFFFF


def l4(proto, src, dst, sport, dport, icmp_type, icmp_id, pseudo):
    if proto == "tcp":
        hdr = struct.pack("!HHIIBBHHH", sport, dport, 1000, 0, 5 << 4, 0x02, 64240, 0, 0)
        csum = checksum(pseudo(6, len(hdr)) + hdr)
        return 6, hdr[:16] + struct.pack("!H", csum) + hdr[18:]
    if proto == "udp":
        payload = b"swfw"
        hdr = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0)
        csum = checksum(pseudo(17, len(hdr) + len(payload)) + hdr + payload) or 0xFFFF
        return 17, hdr[:6] + struct.pack("!H", csum) + payload
    payload = b"swfwswfw"
    number = 1 if proto == "icmp" else 58
    hdr = struct.pack("!BBHHH", icmp_type, 0, 0, icmp_id, 1) + payload
    body = hdr if proto == "icmp" else pseudo(58, len(hdr)) + hdr
    csum = checksum(body)
    return number, hdr[:2] + struct.pack("!H", csum) + hdr[4:]


def frame(dst_mac, src_mac, family, proto, src, dst, sport, dport, icmp_type, icmp_id):
    if family == "4":
        s, d = socket.inet_pton(socket.AF_INET, src), socket.inet_pton(socket.AF_INET, dst)
        pseudo = lambda n, length: s + d + struct.pack("!BBH", 0, n, length)
        number, seg = l4(proto, src, dst, sport, dport, icmp_type, icmp_id, pseudo)
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(seg), icmp_id & 0xFFFF, 0, 64, number, 0, s, d)
        ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
        ethertype = 0x0800
    else:
        s, d = socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst)
        pseudo = lambda n, length: s + d + struct.pack("!I3xB", length, n)
        number, seg = l4(proto, src, dst, sport, dport, icmp_type, icmp_id, pseudo)
        ip = struct.pack("!IHBB16s16s", 6 << 28, len(seg), number, 64, s, d)
        ethertype = 0x86DD
    mac = lambda m: bytes(int(x, 16) for x in m.split(":"))
    return mac(dst_mac) + mac(src_mac) + struct.pack("!H", ethertype) + ip + seg


def main():
    sockets = {}
    for line in sys.stdin:
        f = line.split()
        if not f:
            continue
        iface = f[0]
        if iface not in sockets:
            sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
            sock.bind((iface, 0))
            sockets[iface] = sock
        sockets[iface].send(frame(f[1], f[2], f[3], f[4], f[5], f[6], int(f[7]), int(f[8]), int(f[9]), int(f[10])))


if __name__ == "__main__":
    main()
