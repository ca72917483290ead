#!/usr/bin/env bash
# 10^9 rows on one machine, for BENCHMARKS.md: writes a directory of Parquet part files
# (NarrowParquetGenerator, 20 parts of 5*10^7 rows, about 33 GB, two writers at a time), then runs
# `ope4j evaluate` over it with ipw,snipw,dr and a 100-replicate bootstrap under -Xmx1g on
# --threads 2, timed by /usr/bin/time -v (wall, CPU, peak RSS), and deletes the data.
#
#   mvn -B -q -pl ope4j-cli,ope4j-bench -am package -DskipTests
#   ope4j-bench/scripts/parquet_1e9.sh [DATA_DIR=/tmp/ope4j-1e9] [PARTS=20] [ROWS_PER_PART=50000000]
#
# Check the disk first (df -h): 33 bytes per row. PARTS=2 gives the 10^8-row run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-/tmp/ope4j-1e9}"
parts="${2:-20}"
per_part="${3:-50000000}"
bench="$root/ope4j-bench/target/benchmarks.jar"
jar="$root/ope4j-cli/target/ope4j.jar"

# shellcheck source=bench_lib.sh
source "$root/ope4j-bench/scripts/bench_lib.sh"

step "disk"
df -h "$(dirname "$data")"
step "write $parts parts of $per_part rows into $data"
mkdir -p "$data"
for lane in 0 1; do
  (for p in $(seq "$lane" 2 $((parts - 1))); do
    java -Xmx512m -cp "$bench" io.ope4j.bench.NarrowParquetGenerator "$per_part" "$data" "$p" "$p"
  done) &
done
wait
du -sh "$data"
step "evaluate ipw,snipw,dr, bootstrap 100, -Xmx1g, --threads 2"
/usr/bin/time -v java -Xmx1g -cp "$jar" io.ope4j.cli.Ope4j evaluate --data "$data" \
  --estimators ipw,snipw,dr --ci bootstrap --bootstrap 100 --threads 2 --format json > "$data.json" 2> "$data.time"
cat "$data.json"
grep -E 'Elapsed|User time|System time|Maximum resident|Percent of CPU' "$data.time"
step "done; deleting the data"
rm -rf "$data"
