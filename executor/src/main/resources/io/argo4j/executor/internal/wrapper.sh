#!/bin/sh
# argo4j step wrapper. Copied into every step directory as wrapper.sh (see docs/executor.md).
#
# Runs one step's command and keeps everything on disk: stdout and stderr stream to main.log,
# stdout also to stdout, and the exit code and end time go to exitcode when the command ends,
# whether or not the Java runner that started this script is still alive.
#
# usage: wrapper.sh STEP_DIR WATCH GRACE WORKDIR MODE -- PROGRAM [ARG...]
#   WATCH    1: stdin is a pipe from the runner; when it closes (the runner is gone) the step is
#            stopped: TERM, then KILL after GRACE seconds. 0: the step outlives the runner.
#            pod: main container of a pod (docs/kubernetes.md). Nobody can signal this script
#            across containers, so it polls STEP_DIR for signal files every second (and touches
#            STEP_DIR/heartbeat meanwhile); a TERM without signal file (the kubelet's) is
#            forwarded; stdout also goes to the container's stdout, stderr to its stderr only.
#   WORKDIR  directory to run in (mode none); empty in mode bwrap, where bwrap --chdir does it.
#   MODE     bwrap: PROGRAM is bwrap; its options are read from STEP_DIR/bwrap.args (fd 4).
#            none: PROGRAM runs on the host, in a session of its own (setsid) when possible.
# The environment is the step's own, plus ARGO4J_TOOLS_PATH: the PATH for this script's tools.
#
# Signals: the runner writes a signal name into STEP_DIR/signal.NNNN and sends TERM to this
# script, which forwards each requested signal to the command's process group (as Argo's
# emissary does with /var/run/argo/ctr/main/signal).

d=$1 watch=$2 grace=$3 wd=$4 mode=$5
shift 6
step_path=$PATH
PATH=${ARGO4J_TOOLS_PATH:-/usr/local/bin:/usr/bin:/bin}
unset ARGO4J_TOOLS_PATH

child=
pg=
trapped=0
# Keep the runner's pipe on fd 5 for the watcher; nothing else reads stdin.
exec 5<&0 </dev/null

resolve_pg() {
  # In bwrap mode the command's process group is led by the sandbox's pid 1, which bwrap
  # reports on its info fd once the sandbox exists.
  if [ -z "$pg" ] && [ "$mode" = bwrap ] && [ -s "$d/bwrap.info" ]; then
    pg=$(sed -n 's/.*"child-pid": *\([0-9][0-9]*\).*/\1/p' "$d/bwrap.info")
  fi
}

send() {
  resolve_pg
  # A signal that arrives while bwrap is still setting the sandbox up waits for it (bounded):
  # sent to bwrap itself, it would be lost.
  n=0
  while [ -z "$pg" ] && [ "$mode" = bwrap ] && [ "$n" -lt 50 ] && kill -0 "$child" 2>/dev/null; do
    sleep 0.1
    n=$((n + 1))
    resolve_pg
  done
  if [ -n "$pg" ]; then
    kill -"$1" -"$pg" 2>/dev/null
  elif [ -n "$child" ]; then
    # before bwrap reported its sandbox (or without setsid): only the direct child is known
    kill -"$1" "$child" 2>/dev/null
  fi
}

on_signal() {
  trapped=1
  got=0
  for f in "$d"/signal.*; do
    [ -f "$f" ] || continue
    got=1
    s=$(cat "$f" 2>/dev/null)
    rm -f "$f"
    send "${s:-TERM}"
  done
}
on_term() {
  on_signal
  # In a pod a TERM without request file comes from the kubelet: pass it on, as a runtime would.
  if [ "$got" = 0 ] && [ "$watch" = pod ]; then send TERM; fi
}
trap on_term TERM
# The signal-file poller of a pod (see WATCH) wakes this script with USR1.
trap on_signal USR1
# Terminal signals are for the runner, not for its steps.
trap : INT HUP

record() {
  end=$(date +%s%N 2>/dev/null)
  case $end in *[!0-9]* | '') end=$(date +%s) ;; esac
  printf 'exitCode=%s\nfinishedAt=%s\n' "$1" "$end" >"$d/exitcode.tmp" &&
    mv -f "$d/exitcode.tmp" "$d/exitcode"
}

out="$d/stdout.fifo"
rm -f "$out"
if ! mkfifo "$out"; then
  echo "argo4j wrapper: cannot create $out" >>"$d/main.log"
  record 127
  exit 127
fi
: >>"$d/main.log"
# fd 6: where the command's stderr goes (a pod's own stderr, else main.log)
if [ "$watch" = pod ]; then
  tee -a "$d/main.log" "$d/stdout" <"$out" 5<&- &
  exec 6>&2
else
  tee -a "$d/main.log" <"$out" >"$d/stdout" 5<&- &
  exec 6>>"$d/main.log"
fi
teepid=$!

if [ "$mode" = bwrap ]; then
  (PATH=$step_path && exec "$@") 3>"$d/bwrap.info" 4<"$d/bwrap.args" 5<&- >"$out" 2>>"$d/main.log" &
  child=$!
elif setsid_bin=$(command -v setsid); then
  (cd "$wd" && PATH=$step_path && exec "$setsid_bin" "$@") 5<&- >"$out" 2>&6 6>&- &
  child=$!
  pg=$child
else
  (cd "$wd" && PATH=$step_path && exec "$@") 5<&- >"$out" 2>&6 6>&- &
  child=$!
fi

exec 6>&-

# Tells the runner that signals are now forwarded (and which process to clean up after us).
echo "child=$child" >"$d/started.tmp" && mv -f "$d/started.tmp" "$d/started"

watcher=
if [ "$watch" = 1 ]; then
  (
    while read -r _; do :; done
    echo "runner exited" >"$d/stopped"
    send TERM
    sleep "$grace"
    send KILL
  ) <&5 5<&- &
  watcher=$!
fi
poller=
if [ "$watch" = pod ]; then
  (
    while :; do
      : >"$d/heartbeat"
      for f in "$d"/signal.*; do
        if [ -f "$f" ]; then
          kill -USR1 $$ 2>/dev/null
          break
        fi
      done
      sleep 1
    done
  ) 5<&- >/dev/null 2>&1 &
  poller=$!
fi
exec 5<&-

while :; do
  trapped=0
  wait "$child"
  code=$?
  if [ "$trapped" = 1 ] && [ "$code" -gt 128 ]; then
    # wait was interrupted by a forwarded signal: the command may still be running
    if kill -0 "$child" 2>/dev/null; then continue; fi
    # already reaped by the shell (bash does so eagerly): ask for its remembered status
    wait "$child"
    again=$?
    [ "$again" != 127 ] && code=$again
  fi
  break
done

# As a container runtime would, end whatever the command left behind in its process group.
# (bwrap has already ended its whole pid namespace.)
if [ "$mode" != bwrap ] && [ -n "$pg" ]; then kill -KILL -"$pg" 2>/dev/null; fi
# (KILL, not TERM: a subshell that has not yet run its first command would swallow a TERM.)
if [ -n "$watcher" ]; then kill -KILL "$watcher" 2>/dev/null; fi

# Let tee drain the pipe, but never wait forever on a writer that escaped the process group.
(
  n=0
  while [ "$n" -lt 10 ]; do
    sleep 1
    n=$((n + 1))
  done
  kill "$teepid" 2>/dev/null
) &
timer=$!
while :; do
  trapped=0
  wait "$teepid"
  if [ "$trapped" = 1 ] && kill -0 "$teepid" 2>/dev/null; then continue; fi
  break
done
kill -KILL "$timer" 2>/dev/null
rm -f "$out"

# Mode none: move the step's outputs into the step directory and clear its host paths.
if [ -f "$d/collect.sh" ]; then sh "$d/collect.sh" >>"$d/wrapper.log" 2>&1; fi

record "$code"
# (the pod's poller kept the heartbeat fresh while outputs were drained and collected)
if [ -n "$poller" ]; then kill -KILL "$poller" 2>/dev/null; fi
exit "$code"
