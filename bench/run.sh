#!/usr/bin/env bash
# Builds the benchmark jar and runs JMH with the given options (default: a short run).
# Usage: bench/run.sh [JMH options...]     e.g. bench/run.sh -f 1 -wi 3 -w 1s -i 5 -r 1s WhenBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
./build -q -o -pl bench -am package -DskipTests

java_for_jmh() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
    local major
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = //p')
    if (( major >= 21 )); then echo "$candidate/bin/java"; return; fi
  done
  echo "bench/run.sh: no Java 21 or newer found; set JAVA_HOME" >&2
  exit 2
}

if [[ $# -eq 0 ]]; then set -- -f 1 -wi 3 -w 1s -i 5 -r 1s; fi
exec "$(java_for_jmh)" -jar bench/target/benchmarks.jar "$@"
