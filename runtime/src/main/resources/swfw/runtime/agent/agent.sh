#!/bin/sh
# swfw agent: the host side of `swfw push`. swfw uploads it with every push to
# /var/lib/swfw/stage/NONCE/agent.sh and runs it as root (directly or through sudo -n); a confirmed
# push copies it to /var/lib/swfw/agent.sh for the boot unit.
#
#   agent.sh push NONCE               begin, back up the live rules, then do what one line on standard
#                                     input says: "apply SECONDS [dry-run]" or "persist" (FILES follow),
#                                     "release" (or the end of the input), "detach" (keep the lock for a
#                                     later apply): one process and one SSH session for a host's push
#   agent.sh begin NONCE              take the push lock; print facts and the live filter tables
#   agent.sh apply NONCE SECONDS [dry-run] < FILES
#                                     back up the live rules, stage the files, test the payloads, arm a
#                                     rollback that fires after SECONDS unless confirmed, apply IPv4 and IPv6
#   agent.sh confirm NONCE            disarm the rollback, then persist for boot (run over a NEW connection)
#   agent.sh persist NONCE < FILES    persist boot files without applying anything
#   agent.sh rollback NONCE           roll back now (the armed timer runs this)
#   agent.sh status NONCE             print what became of a push
#   agent.sh release NONCE            drop the push lock when nothing is pending
#   agent.sh boot                     apply /etc/swfw/rules.v4|v6 idempotently (the boot unit runs this)
#
# FILES on standard input: each file starts with a line "--- swfw-file NONCE NAME" (NAME one of
# apply.v4|v6, rollback.v4|v6, rules.v4|v6), followed by its lines.
# Output: key=value lines on stdout; one "swfw-agent: ..." line on stderr for every failure.
# Exit codes: 0 ok, 10 usage, 11 a tool is missing, 12 another push holds the lock, 13 a payload
# failed its test, 14 apply failed and nothing changed, 15 IPv6 failed and IPv4 was rolled back,
# 16 confirmation too late (rolled back), 17 persisting failed (rolled back), 18 rollback failed,
# 19 backup failed.
#
# Every change is a `--noflush` transaction on swfw's own chains and hook jumps: Docker's chains,
# other tables and the builtin policies are never touched.
#
# Every process this script starts costs about a millisecond of the host's CPU and a push runs
# two steps on each host (push, then confirm over a new connection): shell builtins (read, test,
# case) where they do the job, no command substitution for values a variable can carry.

PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH
export PATH
LC_ALL=C
export LC_ALL
umask 077

VAR=/var/lib/swfw
RUN=/run/swfw
ETC=/etc/swfw
UNIT=/etc/systemd/system/swfw.service
LOCK_STALE_MIN=15

# A dying SSH session must not stop a step half-way: the armed rollback covers that case.
trap '' HUP PIPE

say() { printf '%s\n' "$*" 2>/dev/null || true; }
fail() {
  code=$1; shift
  printf 'swfw-agent: %s\n' "$*" >&2 2>/dev/null || true
  log "failed ($code): $*"
  # a push that fails before its rollback is armed has changed nothing: let the next one in
  [ -n "${RELEASE_ON_FAIL:-}" ] && release_lock
  exit "$code"
}
log() {
  [ -d "$VAR" ] || mkdir -p "$VAR" 2>/dev/null
  printf '%s %s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${NONCE:--}" "$*" >>"$VAR/log" 2>/dev/null || true
  # to syslog too, where something listens (the journal's socket, syslogd's)
  [ -S /dev/log ] && command -v logger >/dev/null 2>&1 && logger -t swfw -- "${NONCE:--} $*" 2>/dev/null
  return 0
}
first_line() { tr '\n' ' ' <"$1" | sed -e 's/  */ /g' -e 's/ $//' | cut -c1-300; }

check_nonce() {
  case $1 in
    '' | *[!0-9a-f]*) fail 10 "bad nonce '$1'" ;;
  esac
}

need_tools() {
  for t in iptables-save iptables-restore ip6tables-save ip6tables-restore; do
    command -v "$t" >/dev/null 2>&1 || fail 11 "$t not found (install iptables)"
  done
}

# ---- the push lock: one push at a time per host ----------------------------------------------

# sets $owner to the nonce of the push holding the lock (empty: none)
lock_owner() {
  owner=
  [ -f "$RUN/lock/nonce" ] && read -r owner <"$RUN/lock/nonce" 2>/dev/null
  return 0
}

take_lock() {
  [ -d "$RUN" ] || mkdir -p "$RUN" || fail 11 "cannot create $RUN"
  if ! mkdir "$RUN/lock" 2>/dev/null; then
    lock_owner
    [ "$owner" = "$NONCE" ] && return 0
    if ls "$RUN"/pending.* >/dev/null 2>&1; then
      fail 12 "another push ($owner) is waiting for its confirmation; it rolls back by itself when its timeout passes"
    fi
    if [ -n "$(find "$RUN/lock" -maxdepth 0 -mmin +$LOCK_STALE_MIN 2>/dev/null)" ]; then
      log "breaking stale lock of $owner"
      rm -rf "$RUN/lock"
      mkdir "$RUN/lock" 2>/dev/null || fail 12 "another push is starting on this host"
    else
      fail 12 "another push ($owner) is in progress on this host"
    fi
  fi
  echo "$NONCE" >"$RUN/lock/nonce"
}

own_lock() {
  lock_owner
  [ "$owner" = "$NONCE" ] || fail 12 "push $NONCE does not hold the lock on this host (owner: $owner)"
}

release_lock() {
  lock_owner
  [ "$owner" = "$NONCE" ] && rm -rf "$RUN/lock" "$RUN/timer.$NONCE"
  return 0
}

# prune DIR KEEP: once DIR holds more than KEEP+5 entries, delete all but the KEEP newest (so the
# listing runs on one push in five, not on every push)
prune() {
  set -- "$1" "$2" "$1"/*
  [ $# -gt $(($2 + 7)) ] || return 0
  ls -1t "$1" 2>/dev/null | tail -n +$(($2 + 1)) | while read -r old; do rm -rf "${1:?}/$old"; done
}

# ---- begin: facts and the live filter tables -----------------------------------------------------

use_systemd() {
  # A transient unit runs in PID 1's namespaces: only use it when they are ours (not in a
  # container or a test namespace), else the rollback would change another network's rules.
  # (test -ef compares the namespaces' inodes; /proc/self is this shell)
  [ -d /run/systemd/system ] && command -v systemd-run >/dev/null 2>&1 &&
    [ /proc/1/ns/net -ef /proc/self/ns/net ] && [ /proc/1/ns/mnt -ef /proc/self/ns/mnt ]
}

# Writes the SHA-256 of the persisted boot files, the boot unit's agent and this push's agent to
# $VAR/stage/NONCE/persisted.sum (one sha256sum; nothing when no push was ever confirmed here).
persisted_sums() {
  [ -f "$ETC/rules.v4" ] || [ -f "$ETC/rules.v6" ] || [ -f "$VAR/agent.sh" ] || return 0
  sha256sum "$ETC/rules.v4" "$ETC/rules.v6" "$VAR/agent.sh" "$VAR/stage/$NONCE/agent.sh" \
    >"$VAR/stage/$NONCE/persisted.sum" 2>/dev/null
}

# sets $sum4, $sum6, $sumboot and $sumpush from persisted.sum (none: no such file)
read_sums() {
  sum4=none sum6=none sumboot=none sumpush=none
  [ -f "$VAR/stage/$NONCE/persisted.sum" ] || return 0
  while read -r h f; do
    case $f in
      "$ETC/rules.v4") sum4=$h ;;
      "$ETC/rules.v6") sum6=$h ;;
      "$VAR/agent.sh") sumboot=$h ;;
      "$VAR/stage/$NONCE/agent.sh") sumpush=$h ;;
    esac
  done <"$VAR/stage/$NONCE/persisted.sum"
}

# swfw uploads the agent straight to $VAR/stage/NONCE/agent.sh; every later step of the push runs
# that copy, and only a confirmed push replaces $VAR/agent.sh (the boot unit's). An agent started
# from anywhere else copies itself there first.
cmd_begin() {
  stage=$VAR/stage/$NONCE
  if [ "$0" != "$stage/agent.sh" ]; then
    mkdir -p "$stage" || fail 11 "cannot create $stage"
    cp "$0" "$stage/agent.sh" || fail 11 "cannot copy the agent to $stage"
  fi
  need_tools
  take_lock
  # keep the staging areas of the last few pushes, for inspection
  prune "$VAR/stage" 5
  say "agent=1"
  if use_systemd; then say "systemd=yes"; else say "systemd=no"; fi
  if command -v unshare >/dev/null 2>&1; then say "unshare=yes"; else say "unshare=no"; fi
  if [ -x /usr/sbin/netfilter-persistent ]; then say "netfilter-persistent=yes"; else say "netfilter-persistent=no"; fi
  persisted_sums
  read_sums
  say "persisted-v4=$sum4"
  say "persisted-v6=$sum6"
  if [ -n "${BACKUP_FIRST:-}" ]; then
    # the push command: the backup is taken now, under the lock, and its filter tables are what swfw
    # plans from (one save per family instead of one here and one more before applying)
    RELEASE_ON_FAIL=1
    backup
    awk -v b="$VAR/backup/$NONCE" 'BEGIN {
      for (f = 4; f <= 6; f += 2) {
        print (f == 4 ? "--- iptables-save" : "--- ip6tables-save")
        table = ""; n = 0
        while ((getline line < (b ".v" f)) > 0) {
          if (++n == 1 && line ~ /^# Generated by /) print line
          if (line ~ /^[*]/) table = substr(line, 2)
          if (table == "filter") print line
          if (line == "COMMIT") table = ""
        }
        close(b ".v" f)
      }
      print "--- end"
    }' || fail 11 "cannot read the backup"
    RELEASE_ON_FAIL=
    return 0
  fi
  say "--- iptables-save"
  iptables-save -t filter || fail 11 "iptables-save failed"
  say "--- ip6tables-save"
  ip6tables-save -t filter || fail 11 "ip6tables-save failed"
  say "--- end"
}

# begin, then the client's decision, read from the same standard input (the read builtin takes one
# line and no more, so the FILES after it are left for read_files)
cmd_push() {
  BACKUP_FIRST=1
  cmd_begin
  verb= seconds= mode=
  read -r verb seconds mode || true
  case $verb in
    apply) BACKED_UP=1; cmd_apply "$seconds" "$mode" ;;
    persist) cmd_persist ;;
    detach) say "detached=ok" ;;
    *) cmd_release ;;   # release, or the client went away before deciding
  esac
}

# Splits the FILES on standard input into the push's staging folder. For each family whose apply
# and rollback arrived, also writes test.vF for the namespace test: the backup's filter table, the
# apply and the rollback, one after the other (one iptables-restore --noflush loads them into the
# empty namespace, each transaction committed in turn).
read_files() {
  awk -v dir="$VAR/stage/$NONCE" -v backup="$VAR/backup/$NONCE" -v mark="--- swfw-file $NONCE " '
    index($0, mark) == 1 {
      name = substr($0, length(mark) + 1)
      if (name !~ /^(apply|rollback|rules)[.]v[46]$/) { print "unknown staged file " name > "/dev/stderr"; bad = 1; exit 1 }
      if (out != "") close(out)
      out = dir "/" name
      got[name] = 1
      printf "" > out
      next
    }
    out != "" { print > out }
    END {
      if (bad) exit 1
      if (out != "") close(out)
      for (f = 4; f <= 6; f += 2) {
        if (!(("apply.v" f) in got) || !(("rollback.v" f) in got)) continue
        test = dir "/test.v" f
        printf "" > test
        table = ""
        while ((getline line < (backup ".v" f)) > 0) {
          if (line ~ /^[*]/) table = substr(line, 2)
          if (table == "filter" && line !~ /^#/) print line > test
          if (line == "COMMIT") table = ""
        }
        close(backup ".v" f)
        while ((getline line < (dir "/apply.v" f)) > 0) print line > test
        close(dir "/apply.v" f)
        while ((getline line < (dir "/rollback.v" f)) > 0) print line > test
        close(dir "/rollback.v" f)
        close(test)
      }
    }
  ' || fail 10 "cannot stage the files of push $NONCE"
}

# ---- apply -------------------------------------------------------------------------------------

# sets $R, $S and $F to the restore and save commands and the name of family $1 (4 or 6)
family() {
  if [ "$1" = 4 ]; then R=iptables-restore S=iptables-save F=IPv4; else R=ip6tables-restore S=ip6tables-save F=IPv6; fi
}
family_name() { if [ "$1" = 4 ]; then echo IPv4; else echo IPv6; fi; }

# The strongest check short of applying: load the live filter table (from the backup just taken)
# into a throw-away network namespace, apply the payload there, roll it back, and compare swfw's
# chains and hooks (as multisets of lines, counters stripped) with the backup's. One namespace for
# both families, tested side by side. The three go in one iptables-restore (test.vF, see
# read_files); only when that fails are they loaded again one by one, to tell which failed and
# report its own error. (`iptables-nft-restore --test` only parses; legacy --test misses kernel
# checks.) Sets $sandboxed to the families that passed.
SANDBOX='
  s=$1; b=$2; shift 2
  for f in "$@"; do
    (
      if [ "$f" = 4 ]; then R=iptables-restore S=iptables-save; else R=ip6tables-restore S=ip6tables-save; fi
      e=$s/sandbox.v$f.err
      rc=0
      if ! "$R" -w 10 --noflush <"$s/test.v$f" 2>"$e"; then
        # which of the three failed, with its own error (and the line numbers of its own file)
        rc=21
        if "$R" -w 10 -T filter <"$b.v$f" 2>"$e.one"; then
          rc=22
          if ! "$R" -w 10 --noflush <"$s/apply.v$f" 2>"$e.one"; then mv -f "$e.one" "$e"
          elif ! "$R" -w 10 --noflush <"$s/rollback.v$f" 2>"$e.one"; then rc=23; mv -f "$e.one" "$e"
          fi
        fi
      elif ! "$S" -t filter >"$e.after" 2>"$e"; then rc=24
      fi
      echo "$rc" >"$s/sandbox.v$f.rc"
    ) &
  done
  wait
'

sandbox_test() {
  s=$VAR/stage/$NONCE
  sandboxed=
  fams="4 6"
  for f in $fams; do
    : >"$s/sandbox.v$f.rc"   # stays empty if the namespace cannot be made
  done
  # shellcheck disable=SC2086
  unshare -n sh -c "$SANDBOX" sh "$s" "$VAR/backup/$NONCE" $fams
  urc=$?
  # swfw's chains and hooks after the rollback against the backup's filter table (what the test
  # namespace was loaded from), as multisets of lines (counters stripped), for the families that got
  # that far: one awk prints the families that differ
  compare=
  for f in $fams; do
    read -r rc <"$s/sandbox.v$f.rc"
    [ "$rc" = 0 ] && compare="$compare $VAR/backup/$NONCE.v$f $s/sandbox.v$f.err.after"
  done
  differ=
  if [ -n "$compare" ]; then
    # shellcheck disable=SC2086
    awk '
      FNR == 1 { before = FILENAME !~ /[.]after$/; f = FILENAME; sub(/[.]err[.]after$/, "", f); fam = substr(f, length(f), 1); table = "filter" }
      /^\*/ { table = substr($0, 2) }
      table == "filter" && (/^(:SWFW-|-A SWFW-)/ || /--comment swfw-hook/) {
        sub(/ \[[0-9]*:[0-9]*\]$/, "")
        n[fam SUBSEP $0] += before ? 1 : -1
      }
      END { for (k in n) if (n[k] != 0) { split(k, p, SUBSEP); bad[p[1]] = 1 } for (x in bad) printf " %s", x; print "" }
    ' $compare >"$s/sandbox.differ" || echo " 4 6" >"$s/sandbox.differ"   # no comparison: no pass
    read -r differ <"$s/sandbox.differ"
  fi
  for f in $fams; do
    rc=
    read -r rc <"$s/sandbox.v$f.rc"
    [ "$rc" = 0 ] && case " $differ " in *" $f "*) rc=24 ;; esac
    family "$f"
    case $rc in
      0) say "sandbox-v$f=ok"; sandboxed="$sandboxed $f" ;;
      21) say "sandbox-v$f=skipped (the live rules do not load in a fresh namespace)" ;;
      22) fail 13 "$F rules failed to load in a test namespace: $(first_line "$s/sandbox.v$f.err")" ;;
      23) fail 13 "$F rollback failed to load in a test namespace: $(first_line "$s/sandbox.v$f.err")" ;;
      24) fail 13 "$F rollback does not restore the previous rules (test namespace)" ;;
      *) say "sandbox-v$f=skipped (unshare -n failed: rc $urc)" ;;
    esac
  done
}

# The namespace test where it ran; `--test` for a family it could not check.
test_payloads() {
  s=$VAR/stage/$NONCE
  sandboxed=
  if command -v unshare >/dev/null 2>&1; then sandbox_test; fi
  for f in 4 6; do
    case " $sandboxed " in *" $f "*) continue ;; esac
    family "$f"
    "$R" -w 10 --test --noflush <"$s/apply.v$f" 2>"$s/test.v$f.err" ||
      fail 13 "$F rules rejected by $R --test: $(first_line "$s/test.v$f.err")"
  done
}

# Both families saved side by side (all tables: the rollback's last resort restores the filter table
# from here, and the namespace test loads it).
backup() {
  [ -d "$VAR/backup" ] || mkdir -p "$VAR/backup" || fail 19 "cannot create $VAR/backup"
  iptables-save >"$VAR/backup/$NONCE.v4" 2>/dev/null &
  p4=$!
  ip6tables-save >"$VAR/backup/$NONCE.v6" 2>/dev/null || { wait "$p4"; fail 19 "ip6tables-save failed"; }
  wait "$p4" || fail 19 "iptables-save failed"
  prune "$VAR/backup" 20
  say "backup=$VAR/backup/$NONCE.v4,$VAR/backup/$NONCE.v6"
}

arm() {
  seconds=$1
  : >"$RUN/pending.$NONCE" || fail 14 "cannot write $RUN/pending.$NONCE"
  agent=$VAR/stage/$NONCE/agent.sh
  if use_systemd && systemd-run --quiet --collect --unit="swfw-rollback-$NONCE" --on-active="${seconds}s" \
    --timer-property=AccuracySec=100ms /bin/sh "$agent" rollback "$NONCE" >/dev/null 2>&1; then
    echo systemd >"$RUN/timer.$NONCE"
    say "armed=systemd"
  else
    # setsid: a session of its own, so the SSH session's hang-up and process group never reach it.
    setsid sh "$agent" timer "$NONCE" "$seconds" </dev/null >/dev/null 2>&1 &
    say "armed=setsid"
  fi
}

cmd_timer() {
  echo "$$" >"$RUN/timer.$NONCE"
  sleep "$1"
  exec sh "$0" rollback "$NONCE"
}

disarm_timer() {
  t=
  [ -f "$RUN/timer.$NONCE" ] && read -r t <"$RUN/timer.$NONCE" 2>/dev/null
  case $t in
    systemd) systemctl stop "swfw-rollback-$NONCE.timer" "swfw-rollback-$NONCE.service" >/dev/null 2>&1 ;;
    '' | *[!0-9]*) ;;
    *) kill -TERM "-$t" 2>/dev/null || kill -TERM "$t" 2>/dev/null ;;
  esac
  # (the timer file goes with the lock: release_lock)
}

# Restores one family: the precomputed rollback payload first (it only touches swfw's part, so
# whatever Docker changed meanwhile stays); the filter table of the backup only if that fails.
rollback_family() {
  f=$1; s=$VAR/stage/$NONCE; family "$f"
  if "$R" -w 10 --noflush <"$s/rollback.v$f" 2>"$s/rollback.v$f.err"; then
    return 0
  fi
  log "$F rollback payload failed: $(first_line "$s/rollback.v$f.err"); restoring the backup's filter table"
  if "$R" -w 10 -T filter <"$VAR/backup/$NONCE.v$f" 2>>"$s/rollback.v$f.err"; then
    echo full >"$s/rollback.v$f.full"
    return 0
  fi
  return 1
}

cmd_apply() {
  seconds=$1; mode=$2
  case $seconds in '' | *[!0-9]*) fail 10 "bad timeout '$seconds'" ;; esac
  need_tools
  own_lock
  RELEASE_ON_FAIL=1
  # (the push command backed up when it began; a separate apply step backs up now)
  if [ -n "${BACKED_UP:-}" ]; then say "backup=$VAR/backup/$NONCE.v4,$VAR/backup/$NONCE.v6"; else backup; fi
  read_files
  s=$VAR/stage/$NONCE
  for f in apply.v4 apply.v6 rollback.v4 rollback.v6 test.v4 test.v6; do
    [ -f "$s/$f" ] || fail 10 "staged file $f is missing"
  done
  test_payloads
  say "tested=ok"
  if [ "$mode" = dry-run ]; then
    release_lock
    say "dry-run=ok"
    exit 0
  fi
  arm "$seconds"
  RELEASE_ON_FAIL=
  if ! iptables-restore -w 10 --noflush <"$s/apply.v4" 2>"$s/apply.v4.err"; then
    mv "$RUN/pending.$NONCE" "$RUN/aborted.$NONCE" 2>/dev/null
    disarm_timer
    echo unchanged >"$RUN/result.$NONCE"
    release_lock
    fail 14 "IPv4 rules did not load, nothing changed: $(first_line "$s/apply.v4.err")"
  fi
  if ! ip6tables-restore -w 10 --noflush <"$s/apply.v6" 2>"$s/apply.v6.err"; then
    msg=$(first_line "$s/apply.v6.err")
    mv "$RUN/pending.$NONCE" "$RUN/aborted.$NONCE" 2>/dev/null
    disarm_timer
    if rollback_family 4; then
      echo rolled-back >"$RUN/result.$NONCE"
      release_lock
      fail 15 "IPv6 rules did not load ($msg); IPv4 rolled back"
    fi
    echo rollback-failed >"$RUN/result.$NONCE"
    fail 18 "IPv6 rules did not load ($msg) and the IPv4 rollback FAILED: $(first_line "$s/rollback.v4.err")"
  fi
  log "applied; rollback armed in ${seconds}s"
  say "applied=ok"
}

# ---- confirm, rollback, persist --------------------------------------------------------------

cmd_confirm() {
  if mv "$RUN/pending.$NONCE" "$RUN/confirmed.$NONCE" 2>/dev/null; then
    disarm_timer
    if ! persist; then
      rollback_family 4 && rollback_family 6 && r=rolled-back || r=rollback-failed
      echo "$r" >"$RUN/result.$NONCE"
      release_lock
      fail 17 "persisting failed, rules rolled back ($r)"
    fi
    echo confirmed >"$RUN/result.$NONCE"
    log "confirmed"
    release_lock
    say "confirmed=ok"
    return 0
  fi
  case $(cat "$RUN/result.$NONCE" 2>/dev/null) in
    confirmed) say "confirmed=ok"; return 0 ;;
    '') [ -f "$RUN/rollingback.$NONCE" ] && fail 16 "too late: the rollback is running" ;;
    *) fail 16 "too late: the rules were rolled back ($(cat "$RUN/result.$NONCE"))" ;;
  esac
  fail 16 "no push $NONCE is waiting for confirmation on this host"
}

cmd_rollback() {
  mv "$RUN/pending.$NONCE" "$RUN/rollingback.$NONCE" 2>/dev/null || { say "rollback=nothing-pending"; return 0; }
  rm -f "$RUN/timer.$NONCE"
  if rollback_family 4 && rollback_family 6; then
    r=rolled-back
    [ -f "$VAR/stage/$NONCE/rollback.v4.full" ] || [ -f "$VAR/stage/$NONCE/rollback.v6.full" ] && r=rolled-back-full
  else
    r=rollback-failed
  fi
  echo "$r" >"$RUN/result.$NONCE"
  log "rollback: $r"
  release_lock
  say "rollback=$r"
  [ "$r" = rollback-failed ] && exit 18
  return 0
}

cmd_status() {
  if [ -f "$RUN/result.$NONCE" ]; then say "result=$(cat "$RUN/result.$NONCE")"
  elif [ -f "$RUN/pending.$NONCE" ]; then say "result=pending"
  elif [ -f "$RUN/rollingback.$NONCE" ]; then say "result=rolling-back"
  else say "result=unknown"; fi
}

cmd_release() {
  [ -f "$RUN/pending.$NONCE" ] && fail 12 "push $NONCE is waiting for confirmation; not releasing"
  release_lock
  say "released=ok"
}

unit_text() {
  cat <<'EOF'
# Written by swfw push. Loads the last confirmed swfw policy (/etc/swfw/rules.v4|v6) before the
# network and Docker start; safe to run again at any time (it only replaces swfw's own chains).
[Unit]
Description=swfw firewall policy
DefaultDependencies=no
Wants=network-pre.target
After=systemd-modules-load.service local-fs.target
Before=network-pre.target docker.service shutdown.target
Conflicts=shutdown.target
RequiresMountsFor=/var/lib/swfw /etc/swfw

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/sh /var/lib/swfw/agent.sh boot

[Install]
WantedBy=multi-user.target
EOF
}

persist() {
  s=$VAR/stage/$NONCE
  for f in 4 6; do
    [ -f "$s/rules.v$f" ] || { log "staged rules.v$f missing"; return 1; }
  done
  # copied next to their place first (same file system), then each renamed over the old one
  [ -d "$ETC/.new" ] || mkdir -p "$ETC/.new" || return 1
  cp "$s/rules.v4" "$s/rules.v6" "$ETC/.new/" && mv -f "$ETC/.new/rules.v4" "$ETC/.new/rules.v6" "$ETC/" || return 1
  # the boot unit runs the agent from here; keep the copy that was confirmed (unless it is the same)
  read_sums
  if [ "$sumpush" = none ] || [ "$sumboot" != "$sumpush" ]; then
    cp "$s/agent.sh" "$VAR/agent.sh.tmp" && mv -f "$VAR/agent.sh.tmp" "$VAR/agent.sh" || return 1
  fi
  if use_systemd && command -v systemctl >/dev/null 2>&1; then
    if ! unit_text | cmp -s - "$UNIT"; then
      unit_text >"$UNIT.tmp" && chmod 644 "$UNIT.tmp" && mv -f "$UNIT.tmp" "$UNIT" || return 1
      systemctl daemon-reload >/dev/null 2>&1 || return 1
    fi
    systemctl is-enabled --quiet swfw.service 2>/dev/null || systemctl enable --quiet swfw.service >/dev/null 2>&1 || return 1
    say "persisted=unit"
  else
    say "persisted=files"
  fi
  return 0
}

cmd_persist() {
  own_lock
  read_files
  persist || { release_lock; fail 17 "persisting failed"; }
  log "persisted"
  release_lock
}

# ---- boot ------------------------------------------------------------------------------------

# The live form in /etc/swfw completed against whatever is loaded now, as swfw push's LiveMerge
# does it: delete every swfw hook jump, refill swfw's chains, insert the hooks, drop stale chains.
boot_payload() {
  file=$1; cur=$2
  echo '*filter'
  if ! grep -q '^:DOCKER-USER ' "$cur" && grep -q '^-I DOCKER-USER ' "$file"; then
    echo ':DOCKER-USER - [0:0]'
    echo '-I FORWARD 1 -j DOCKER-USER'
  fi
  grep -- '--comment swfw-hook' "$cur" | grep '^-A ' | sed 's/^-A /-D /'
  sed -n 's/^:\(SWFW-[^ ]*\) .*/\1/p' "$cur" | while read -r c; do
    grep -q "^:$c " "$file" || echo ":$c - [0:0]"
  done
  sed -e '/^#/d' -e '/^\*filter$/d' -e '/^COMMIT$/d' -e '/^$/d' "$file"
  sed -n 's/^:\(SWFW-[^ ]*\) .*/\1/p' "$cur" | while read -r c; do
    grep -q "^:$c " "$file" || echo "-X $c"
  done
  echo COMMIT
}

cmd_boot() {
  need_tools
  mkdir -p "$RUN" || exit 1
  rc=0
  for f in 4 6; do
    file=$ETC/rules.v$f
    [ -f "$file" ] || continue
    family "$f"
    "$S" -t filter >"$RUN/boot.current.v$f" 2>/dev/null
    boot_payload "$file" "$RUN/boot.current.v$f" >"$RUN/boot.payload.v$f"
    if "$R" -w 10 --noflush <"$RUN/boot.payload.v$f" 2>"$RUN/boot.v$f.err"; then
      say "boot-v$f=ok"
    else
      printf 'swfw-agent: %s\n' "$F boot rules did not load: $(first_line "$RUN/boot.v$f.err")" >&2
      rc=1
    fi
  done
  log "boot rc=$rc"
  exit $rc
}

# ---- main ------------------------------------------------------------------------------------

# root? (the effective uid from /proc/self/status, which is this shell's: no process for it)
is_root() {
  if [ -r /proc/self/status ]; then
    while read -r k r e x; do
      [ "$k" = Uid: ] && { [ "$e" = 0 ]; return; }
    done </proc/self/status
  fi
  [ "$(id -u)" = 0 ]
}

is_root || fail 10 "must run as root"
cmd=$1
[ $# -gt 0 ] && shift
case $cmd in
  boot) cmd_boot ;;
  push | begin | apply | confirm | persist | rollback | status | release | timer)
    NONCE=$1; check_nonce "$NONCE"; shift
    case $cmd in
      push) cmd_push ;;
      begin) cmd_begin ;;
      apply) cmd_apply "$1" "$2" ;;
      confirm) cmd_confirm ;;
      persist) cmd_persist ;;
      rollback) cmd_rollback ;;
      status) cmd_status ;;
      release) cmd_release ;;
      timer) cmd_timer "$1" ;;
    esac
    ;;
  *) fail 10 "usage: agent.sh push|begin|apply|confirm|persist|rollback|status|release NONCE … | boot" ;;
esac
