#!/usr/bin/env bash
# Start-up: 'swfw check' and 'swfw compile' of the seed's cluster (examples/swarm/cluster.swfw),
# whole processes through ./swfw, against ferm compiling the same policy written for ferm
# (bench/ferm/cluster.ferm, the master's rules in both families) (issue 6, target 1). For scale it
# also times the JVM ./swfw starts, with its archive, running a main method that does nothing, and a
# bare JVM ('java -version' on the same JDK).
# Usage: bench/startup.sh; RUNS=N sets the runs per command (default 20).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${RUNS:-20}"
command -v ferm >/dev/null || { echo "startup: needs ferm (apt-get install ferm)" >&2; exit 2; }

./swfw --version >/dev/null # builds the CLI and records its start-up archive before anything is timed
# The JDK ./swfw picks: the java it execs, as 'bash -x' shows it.
java_bin="$(bash -x ./swfw --version 2>&1 >/dev/null | sed -n 's/^+ exec \([^ ]*\) .*/\1/p' | tail -1)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The floor under swfw's own work: the JVM ./swfw starts, with its flags and its archive, which a
# JDK 25 JVM loads whole while it starts, stopping before any main method ('-version'). Not a main that
# does nothing: a class after swfw.jar on the class path is looked for in the jar's Class-Path first
# (lib/swfw-ssh.jar, 7,000 entries), which swfw's own runs never open.
jvm_flags="$(bash -x ./swfw --version 2>&1 >/dev/null | sed -n 's/^+ exec [^ ]* \(.*\) -cp .*/\1/p' | tail -1)"
jar="$(bash -x ./swfw --version 2>&1 >/dev/null | sed -n 's/^+ exec .* -cp \([^ ]*\) .*/\1/p' | tail -1)"
python3 bench/measure.py --runs "$runs" --warmup 3 --peer ferm --json "$work/startup.json" \
  ferm="ferm --noexec --lines --remote bench/ferm/cluster.ferm" \
  swfw-check="./swfw check examples/swarm/cluster.swfw" \
  swfw-compile="./swfw compile examples/swarm/cluster.swfw" \
  "jvm+archive=$java_bin $jvm_flags -cp $jar -version" \
  "bare-jvm=$java_bin -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -version"
python3 - "$work/startup.json" "$java_bin" <<'EOF'
import json, sys
f = json.load(open(sys.argv[1]))
print()
r = lambda name, k: f[name][k] / f['ferm'][k]
print(f"summary ({sys.argv[2]}), ratio to ferm, wall (CPU): check {r('swfw-check', 'wall'):.1f}x ({r('swfw-check', 'cpu'):.1f}x), "
      f"compile {r('swfw-compile', 'wall'):.1f}x ({r('swfw-compile', 'cpu'):.1f}x) (target 1.5x); "
      f"the JVM ./swfw starts, with its archive, before main, {r('jvm+archive', 'wall'):.1f}x ({r('jvm+archive', 'cpu'):.1f}x); "
      f"a bare JVM alone {r('bare-jvm', 'wall'):.1f}x ({r('bare-jvm', 'cpu'):.1f}x)")
EOF
