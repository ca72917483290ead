#!/usr/bin/env bash
# Interleaves the C baseline and the Java SNIPW kernels (CpuTimeRunner kernel) ROUNDS times, so
# that each Java figure has a C figure measured minutes apart under the same machine load, and
# prints both per pair: the ratio Java / C is steadier than either number on a shared machine.
#
#   cd /work/wt-bench && mvn -B -q -pl ope4j-bench -am package -DskipTests
#   ope4j-bench/scripts/kernel_vs_c.sh [ROUNDS=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
rounds="${1:-3}"
binary="${TMPDIR:-/tmp}/snipw_kernel"
gcc -O3 -march=native -o "$binary" ope4j-bench/scripts/snipw_kernel.c -lm
for round in $(seq 1 "$rounds"); do
  echo "== round $round ($(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"
  "$binary" 10000000 10 | grep -E '^(plain|engine-form)'
  java -Xmx2g -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.CpuTimeRunner kernel 5 \
    | grep -E 'plainLoop|blockedNeumaier|engineBlocks'
done
