#!/usr/bin/env python3
"""Times whole processes, interleaved, and prints medians and ratios to a peer.

    measure.py [--runs N] [--warmup N] [--peer NAME] [--json FILE] NAME=COMMAND [NAME=COMMAND ...]

Every round runs each command once, in a new shuffled order, so a burst of load on a shared
machine hits all of them alike. A command is split like a shell word list but run without a
shell; its stdout and stderr are discarded, and a failing command stops the measurement.
Reported per command: median wall time, the fastest run, median CPU time (user + system, which
contention inflates less), and peak resident memory (the largest of its runs, /usr/bin/time's %M;
each run goes through /usr/bin/time, the same small cost for every command). Ratios are medians divided by the peer's median. --json also writes
the figures as {NAME: {"wall": s, "min": s, "cpu": s, "rss_mb": MB}} for scripts that go on from them.
"""
import argparse
import json
import os
import random
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


TIME = "/usr/bin/time"


def run_once(argv, rss_file):
    """Wall and CPU seconds of one run, and its peak RSS in KB as GNU time measures it (a child of
    this script would count this script's own memory: Linux keeps the larger of the two across exec)."""
    # stderr goes to a file, not a pipe: a command that writes more than a pipe holds (swfw check's
    # diagnostics on a big policy) would block on a pipe that is read only after it ends.
    with tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        proc = subprocess.Popen([TIME, "-f", "%M", "-o", rss_file, *argv], stdout=subprocess.DEVNULL, stderr=err_file)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err_file.seek(0)
        err = err_file.read()[-4000:].decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"measure: '{shlex.join(argv)}' exited {code}:\n{err}")
    with open(rss_file) as f:
        rss = int(f.read().split()[-1])
    return wall, usage.ru_utime + usage.ru_stime, rss


def fmt(seconds):
    return f"{seconds * 1000:8.0f} ms" if seconds < 10 else f"{seconds:8.2f} s "


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--peer", help="NAME of the command the ratios divide by (default: the first)")
    p.add_argument("--json", help="also write the medians to this file")
    p.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    a = p.parse_args()
    named = []
    for c in a.commands:
        name, _, cmd = c.partition("=")
        named.append((name, shlex.split(cmd)))
    peer = a.peer or named[0][0]
    results = {name: [] for name, _ in named}
    order = list(named)
    if not os.access(TIME, os.X_OK):
        sys.exit("measure: needs GNU time (Debian package 'time') for peak memory")
    with tempfile.NamedTemporaryFile(prefix="measure-rss-") as rss_file:
        for i in range(a.warmup + a.runs):
            random.shuffle(order)
            for name, argv in order:
                r = run_once(argv, rss_file.name)
                if i >= a.warmup:
                    results[name].append(r)
    med = {n: (statistics.median(w for w, _, _ in rs), statistics.median(c for _, c, _ in rs)) for n, rs in results.items()}
    print(f"{a.runs} interleaved runs each after {a.warmup} warm-up; medians; ratio = median / {peer}'s median")
    print(f"{'command':<24} {'wall':>11} {'min':>11} {'cpu':>11} {'peak RSS':>10} {'wall ratio':>10} {'cpu ratio':>9}")
    figures = {}
    for name, _ in named:
        rs = results[name]
        wall, cpu = med[name]
        rss = max(m for _, _, m in rs) / 1024
        fastest = min(w for w, _, _ in rs)
        figures[name] = {"wall": wall, "min": fastest, "cpu": cpu, "rss_mb": rss}
        print(f"{name:<24} {fmt(wall)} {fmt(fastest)} {fmt(cpu)} {rss:7.0f} MB"
              f" {wall / med[peer][0]:9.2f}x {cpu / med[peer][1]:8.2f}x")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(figures, f, indent=1)


if __name__ == "__main__":
    main()
