#!/usr/bin/env bash
# One benchmark session for BENCHMARKS.md: machine facts, the C baseline, the three JMH
# benchmarks (JSON results), the C baseline again, and the pandas script on 10^6 rows.
#
#   cd /work/wt-bench && mvn -B -q -pl ope4j-bench -am package -DskipTests
#   ope4j-bench/scripts/run_all.sh [OUT_DIR=bench-data/results/<timestamp>] [extra JMH args...]
#
# Takes about 15 minutes on 2 cores. Other processes on the machine skew the numbers: the load
# average is logged before each step; run it twice and report the spread.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out="${1:-bench-data/results/$(date +%Y%m%d-%H%M%S)}"
shift || true
mkdir -p "$out"
jar=ope4j-bench/target/benchmarks.jar
log="$out/session.log"

step() { echo "== $1 ($(date +%T), $(cut -d' ' -f1-3 /proc/loadavg) load)" | tee -a "$log"; }

step machine
{ lscpu | grep -E 'Model name|^CPU\(s\)|Thread|Core|Socket'; java -version 2>&1 | head -2; gcc --version | head -1;
  /usr/bin/python3 -c 'import sys, numpy, pandas; print("python", sys.version.split()[0], "numpy", numpy.__version__, "pandas", pandas.__version__)'; } \
  | tee -a "$log"

step "C baseline (before)"
ope4j-bench/scripts/run_kernel_baseline.sh 10000000 30 | tee -a "$log"

step SnipwKernelBenchmark
java -jar "$jar" SnipwKernelBenchmark -rf json -rff "$out/kernel.json" "$@" | tee "$out/kernel.txt" | grep -E '^(Benchmark|Snipw)' | tee -a "$log"

step "C baseline (after)"
ope4j-bench/scripts/run_kernel_baseline.sh 10000000 30 | tee -a "$log"

step EstimatorThroughputBenchmark
java -jar "$jar" EstimatorThroughputBenchmark -rf json -rff "$out/throughput.json" "$@" | tee "$out/throughput.txt" | grep -E '^(Benchmark|Estimator)' | tee -a "$log"

step BootstrapBenchmark
java -jar "$jar" BootstrapBenchmark -rf json -rff "$out/bootstrap.json" "$@" | tee "$out/bootstrap.txt" | grep -E '^(Benchmark|Bootstrap)' | tee -a "$log"

step "CpuTimeRunner (rows per CPU-second)"
java -Xmx3g -cp "$jar" io.ope4j.bench.CpuTimeRunner all 10 | tee "$out/cputime.txt" | tee -a "$log"

step "pandas, 10^6 rows"
csv=bench-data/narrow-1m.csv
[ -f "$csv" ] || java -cp "$jar" io.ope4j.bench.NarrowCsvGenerator 1000000 "$csv"
for i in 1 2 3; do
  /usr/bin/time -f "wall %e s (with interpreter start and imports)" /usr/bin/python3 ope4j-bench/scripts/obp_style_eval.py "$csv" 2>&1 | tee -a "$log"
done
step done
