#!/usr/bin/env bash
# Start-up cost of argo4j-exec (the in-pod executor's JVM), measured on this host:
# `argo4j-exec init` for a script template, with the image launcher's JVM flags and without,
# against `java -version` with the same flags (the bare JVM start) in the same run.
#   ./build -pl executor-pod -am -Pimage package -DskipTests && bench/exec-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh
JAVA=$(java_for_bench)
JAR=executor-pod/target/argo4j-exec.jar
RUNS=${1:-10}
[[ -f $JAR ]] || { echo "no $JAR: build it with -Pimage first" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export ARGO_TEMPLATE='{"name":"s","script":{"image":"alpine","command":["sh"],"source":"echo hi"},"outputs":{"parameters":[{"name":"p","valueFrom":{"path":"/tmp/p","default":"d"}}]}}'
export ARGO_NODE_ID=n1 ARGO_WORKFLOW_NAME=wf ARGO_INCLUDE_SCRIPT_OUTPUT=true
FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)

median_ms() { # command...: median wall time of RUNS runs, in ms
  local times=() i t0 t1
  for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

base=$(median_ms "$JAVA" "${FLAGS[@]}" -version)
init_flags=$(median_ms "$JAVA" "${FLAGS[@]}" -jar "$JAR" init --var-run "$WORK/a")
init_plain=$(median_ms "$JAVA" -jar "$JAR" init --var-run "$WORK/b")
echo "runs=$RUNS java=$JAVA nproc=$(nproc) load=$(cut -d' ' -f1 /proc/loadavg)"
echo "java -version (launcher flags):      ${base} ms (baseline 1.00)"
echo "argo4j-exec init (launcher flags):   ${init_flags} ms ($(awk "BEGIN{printf \"%.2f\", $init_flags/$base}"))"
echo "argo4j-exec init (default JVM flags): ${init_plain} ms ($(awk "BEGIN{printf \"%.2f\", $init_plain/$base}"))"
