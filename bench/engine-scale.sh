#!/usr/bin/env bash
# The engine alone on 1k, 10k and 50k-node DAGs and 1k/10k fan-outs with instant steps; prints a
# Markdown table of CPU per node event and growth ratios (see docs/benchmarks.md).
# Usage: bench/engine-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./build -q -o -pl bench -am package -DskipTests
source bench/java.sh
exec "$(java_for_bench)" -Xmx8g -cp bench/target/benchmarks.jar io.argo4j.bench.EngineScale
