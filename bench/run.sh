#!/usr/bin/env bash
# Builds the benchmark jar and runs JMH with the given options (default: a short run).
# Usage: bench/run.sh [JMH options...]     e.g. bench/run.sh -f 1 -wi 3 -w 1s -i 5 -r 1s WhenBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
./build -q -o -pl bench -am package -DskipTests

source bench/java.sh

if [[ $# -eq 0 ]]; then set -- -f 1 -wi 3 -w 1s -i 5 -r 1s; fi
exec "$(java_for_bench)" -jar bench/target/benchmarks.jar "$@"
