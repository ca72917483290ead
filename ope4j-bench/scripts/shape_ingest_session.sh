#!/usr/bin/env bash
# One session of the CSV-ingest benchmark per log shape, plain and gzip, for BENCHMARKS.md ("CSV
# ingest of gzip, standard input and every log shape"): ShapeIngestRunner (the table alone, and
# the shape's reader on 1 and 2 threads, in one JVM), then the whole evaluate command on 1 and 2
# threads over gzip and over standard input.
#
#   mvn -B -q -pl ope4j-cli,ope4j-bench -am package -DskipTests
#   ope4j-bench/scripts/shape_ingest_session.sh [DATA_DIR=bench-data/shapes] [ROUNDS=5]
#
# Needs about 0.8 GB in DATA_DIR (generated once). The load average is logged before each step:
# numbers taken on a busy machine are noisy (CPU times less so than wall times).
rounds="${2:-5}"
# shellcheck source=session_common.sh
. "$(dirname "$0")/session_common.sh" shapes "$@"
ope4j=(java -cp "$jar" io.ope4j.cli.Ope4j)

step machine
lscpu | grep -E 'Model name|^CPU\(s\)' || true
java -version 2>&1 | head -1

step data
[ -f bandit.csv ] || java -cp "$bench" io.ope4j.bench.NarrowCsvGenerator 1000000 bandit.csv 20240601 binary full
[ -f slate.csv ] || "${ope4j[@]}" simulate --slate-length 10 --slates 20000 --actions 10 --contexts 100 \
  --click-model cascade --seed 1 -o slate.csv > /dev/null
[ -f trajectory.csv ] || "${ope4j[@]}" simulate --env tabular --episodes 250000 --seed 3 -o trajectory.csv > /dev/null
[ -f continuous.csv ] || "${ope4j[@]}" simulate --schema continuous --rows 500000 --seed 9 -o continuous.csv > /dev/null
for shape in bandit slate trajectory continuous; do
  [ -f "$shape.csv.gz" ] || gzip -k "$shape.csv"
done
ls -l ./*.csv ./*.csv.gz

for shape in bandit slate trajectory continuous; do
  for file in "$shape.csv" "$shape.csv.gz"; do
    step "ShapeIngestRunner $shape $file"
    timed java -Xmx1g -cp "$bench" io.ope4j.bench.ShapeIngestRunner "$shape" "$file" "$rounds" 2
  done
done

step "evaluate (ipw,snipw,dr, t interval) over gzip and standard input, 1 and 2 threads"
for threads in 1 2; do
  echo " gzip file, threads $threads"
  timed "${ope4j[@]}" evaluate --data bandit.csv.gz --estimators ipw,snipw,dr --format csv --threads "$threads" \
    > "gzip-$threads.csv"
  echo " stdin (plain), threads $threads"
  timed sh -c "java -cp '$jar' io.ope4j.cli.Ope4j evaluate --data - --estimators ipw,snipw,dr --format csv \
    --threads $threads < bandit.csv > stdin-$threads.csv"
done
cmp gzip-1.csv gzip-2.csv && cmp gzip-1.csv stdin-1.csv && cmp gzip-1.csv stdin-2.csv \
  && echo "  output identical for gzip and stdin on 1 and 2 threads"
step done
