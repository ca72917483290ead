#!/usr/bin/env bash
# Parquet against CSV ingest of the same log, side by side, for BENCHMARKS.md ("Parquet as the
# fast path"): the readers and evaluate's work in one JVM (ParquetIngestRunner, process CPU time
# and wall time), then the whole `ope4j evaluate` command on both files, 1 and 2 threads.
#
#   mvn -B -q -pl ope4j-cli,ope4j-bench -am package -DskipTests
#   ope4j-bench/scripts/parquet_session.sh [DATA_DIR=bench-data/parquet] [ROWS=4000000]
#
# Needs about 0.5 GB per 4*10^6 rows in DATA_DIR. The load average is logged before each step.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/bench-data/parquet}"
rows="${2:-4000000}"
bench="$root/ope4j-bench/target/benchmarks.jar"
jar="$root/ope4j-cli/target/ope4j.jar"
mkdir -p "$data"
cd "$data"

# shellcheck source=bench_lib.sh
source "$root/ope4j-bench/scripts/bench_lib.sh"

step machine
lscpu | grep -E 'Model name|^CPU\(s\)' || true
java -version 2>&1 | head -1

step data
csv="full-$rows.csv"
[ -f "$csv" ] || java -cp "$bench" io.ope4j.bench.NarrowCsvGenerator "$rows" "$csv" 20240601 binary full
[ -f "full-$rows.parquet" ] || java -cp "$jar" io.ope4j.cli.Ope4j convert --data "$csv" -o "full-$rows.parquet"
ls -l "$csv" "full-$rows.parquet"

step "ParquetIngestRunner: readers and evaluate (t interval), one JVM, interleaved"
java -Xmx1g -cp "$bench" io.ope4j.bench.ParquetIngestRunner "$csv" 5 2

evaluate=(evaluate --estimators ipw,snipw,dr --ci bootstrap --bootstrap 100 --format json)
step "evaluate ipw,snipw,dr + bootstrap 100, CSV and Parquet, 1 and 2 threads"
for round in 1 2 3; do
  for threads in 1 2; do
    for file in "$csv" "full-$rows.parquet"; do
      echo " $file, threads $threads, round $round"
      timed java -Xmx1g -cp "$jar" io.ope4j.cli.Ope4j "${evaluate[@]}" --data "$file" --threads "$threads" \
        > "out-$file-$threads.json" 2> err.txt || true
      grep -v 'ope4j: warning' err.txt || true
    done
  done
done
sed "s/full-$rows.csv/LOG/" "out-$csv-1.json" > a.json
for out in "out-$csv-2.json" "out-full-$rows.parquet-1.json" "out-full-$rows.parquet-2.json"; do
  sed "s/full-$rows.parquet/LOG/; s/full-$rows.csv/LOG/" "$out" > b.json
  cmp a.json b.json && echo "  $out identical to the CSV on 1 thread"
done
