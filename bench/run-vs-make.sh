#!/usr/bin/env bash
# Benchmarks (2) and (3) of docs/benchmarks.md, side by side in one run: `argo4j run` of a seeded
# 200-task DAG of `true` against `make -j2` on the same graph, and the start-up of `argo4j run`
# (to its first step, and in total) against `java -version`. Prints Markdown.
# Usage: bench/run-vs-make.sh [REPETITIONS]     (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
./build -q -o -pl cli,bench -am package -DskipTests
source bench/java.sh
java=$(java_for_bench)
JAVA_HOME=$(dirname "$(dirname "$java")") exec "$java" -cp bench/target/benchmarks.jar \
  io.argo4j.bench.RunVsMake cli/target/argo4j/bin/argo4j "$java" "${1:-5}"
