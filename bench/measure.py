#!/usr/bin/env python3
"""Times whole processes, interleaved, and prints medians and ratios to a peer.

    measure.py [--runs N] [--warmup N] [--peer NAME] NAME=COMMAND [NAME=COMMAND ...]

Every round runs each command once, in a new shuffled order, so a burst of load on a shared
machine hits all of them alike. A command is split like a shell word list but run without a
shell; its stdout and stderr are discarded, and a failing command stops the measurement.
Reported per command: median wall time, median CPU time (user + system, which contention
inflates less), the fastest run, and the peak resident memory of the slowest-growing run
(the largest ru_maxrss). Ratios are medians divided by the peer's median.
"""
import argparse
import os
import random
import resource
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"measure: '{shlex.join(argv)}' exited {proc.returncode}:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def fmt(seconds):
    return f"{seconds * 1000:8.0f} ms" if seconds < 10 else f"{seconds:8.2f} s "


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--peer", help="NAME of the command the ratios divide by (default: the first)")
    p.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    a = p.parse_args()
    named = []
    for c in a.commands:
        name, _, cmd = c.partition("=")
        named.append((name, shlex.split(cmd)))
    peer = a.peer or named[0][0]
    results = {name: [] for name, _ in named}
    order = list(named)
    for i in range(a.warmup + a.runs):
        random.shuffle(order)
        for name, argv in order:
            r = run_once(argv)
            if i >= a.warmup:
                results[name].append(r)
    med = {n: (statistics.median(w for w, _, _ in rs), statistics.median(c for _, c, _ in rs)) for n, rs in results.items()}
    print(f"{a.runs} interleaved runs each after {a.warmup} warm-up; medians; ratio = median / {peer}'s median")
    print(f"{'command':<24} {'wall':>11} {'min':>11} {'cpu':>11} {'peak RSS':>10} {'wall ratio':>10} {'cpu ratio':>9}")
    for name, _ in named:
        rs = results[name]
        wall, cpu = med[name]
        rss = max(m for _, _, m in rs) / 1024
        print(f"{name:<24} {fmt(wall)} {fmt(min(w for w, _, _ in rs))} {fmt(cpu)} {rss:7.0f} MB"
              f" {wall / med[peer][0]:9.2f}x {cpu / med[peer][1]:8.2f}x")


if __name__ == "__main__":
    main()
