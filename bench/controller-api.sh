#!/usr/bin/env bash
# The real controller on the fabric8 mock API server with the kubelet simulator: API requests per
# pod node (1, 10, 100-pod workflows, and 10 pods holding a mutex), then throughput, controller CPU and heap for 100 (baseline)
# and N (default 1000) workflows of 5 pods (see docs/benchmarks.md).
# Usage: bench/controller-api.sh [N]   (N=0: only the requests per pod node)
set -euo pipefail
cd "$(dirname "$0")/.."
./build -q -o -pl bench -am package -DskipTests
source bench/java.sh
exec "$(java_for_bench)" -Xms2g -Xmx2g -cp bench/target/benchmarks.jar \
  io.argo4j.bench.ControllerApiCost "$(pwd)" "${1:-1000}"
