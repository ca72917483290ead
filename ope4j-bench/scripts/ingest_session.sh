#!/usr/bin/env bash
# One CSV-ingest benchmark session for BENCHMARKS.md ("CSV ingest on all cores"): the reader and
# evaluate on 1 and 2 threads in one JVM (IngestRunner), the whole command on 1 and 2 threads,
# the pandas peer, start-up with and without a class-data archive, and 10^8 rows under -Xmx1g.
#
#   mvn -B -q -pl ope4j-cli,ope4j-bench -am package -DskipTests
#   ope4j-bench/scripts/ingest_session.sh [DATA_DIR=bench-data/ingest] [PYTHON=/usr/bin/python3]
#
# PYTHON must have numpy and pandas. Needs about 5 GB in DATA_DIR (the files are generated once)
# and takes 5-10 minutes on 2 idle cores. The load average is logged before each step: numbers
# taken on a busy machine are noisy (CPU times less so than wall times).
python="${2:-/usr/bin/python3}"
# shellcheck source=session_common.sh
. "$(dirname "$0")/session_common.sh" ingest "$@"

step machine
lscpu | grep -E 'Model name|^CPU\(s\)' || true
java -version 2>&1 | head -1
"$python" -c 'import sys, numpy, pandas; print("python", sys.version.split()[0], "numpy", numpy.__version__, "pandas", pandas.__version__)'

step "data"
[ -f full-2m.csv ] || java -cp "$bench" io.ope4j.bench.NarrowCsvGenerator 2000000 full-2m.csv 20240601 binary full
[ -f short-10m.csv ] || java -cp "$bench" io.ope4j.bench.NarrowCsvGenerator 10000000 short-10m.csv
[ -f short-100m.csv ] || { cat short-10m.csv; for _ in $(seq 9); do tail -n +2 short-10m.csv; done; } > short-100m.csv
[ -f tiny-10k.csv ] || java -cp "$bench" io.ope4j.bench.NarrowCsvGenerator 10000 tiny-10k.csv
ls -l full-2m.csv short-10m.csv short-100m.csv tiny-10k.csv

step "IngestRunner: reader and evaluate (t interval) in one JVM, full precision"
java -Xmx1g -cp "$bench" io.ope4j.bench.IngestRunner full-2m.csv 5 2

evaluate=(evaluate --estimators ipw,snipw,dr --ci bootstrap --bootstrap 100 --format csv)
step "evaluate ipw,snipw,dr + bootstrap 100, 2*10^6 full-precision rows"
for round in 1 2 3; do
  for threads in 1 2; do
    echo " threads $threads, round $round"
    timed java -cp "$jar" io.ope4j.cli.Ope4j "${evaluate[@]}" --data full-2m.csv --threads "$threads" \
      > "out-$threads.csv" 2> err.txt || true
    grep -v 'ope4j: warning' err.txt
  done
done
cmp out-1.csv out-2.csv && echo "  output identical for 1 and 2 threads"

step "pandas + numpy the Open Bandit Pipeline way, same file"
for round in 1 2 3; do
  timed "$python" "$root/ope4j-bench/scripts/obp_style_eval.py" full-2m.csv | tail -5
done

step "start-up: --version and evaluate on 10^4 rows, without and with a class-data archive"
java -XX:ArchiveClassesAtExit=ope4j.jsa -cp "$jar" io.ope4j.cli.Ope4j evaluate --data tiny-10k.csv --format csv \
  > /dev/null 2>&1
for cds in "" "-XX:SharedArchiveFile=ope4j.jsa"; do
  for round in 1 2 3; do
    echo " ${cds:-no archive}: --version"
    # shellcheck disable=SC2086
    timed java $cds -cp "$jar" io.ope4j.cli.Ope4j --version > /dev/null
    echo " ${cds:-no archive}: evaluate 10^4 rows"
    # shellcheck disable=SC2086
    timed java $cds -cp "$jar" io.ope4j.cli.Ope4j evaluate --data tiny-10k.csv --format csv > /dev/null
  done
done

step "10^8 rows (4 GB file) with -Xmx1g, 2 threads"
timed java -Xmx1g -cp "$jar" io.ope4j.cli.Ope4j "${evaluate[@]}" --data short-100m.csv --threads 2 2> err.txt
grep -v 'ope4j: warning' err.txt
step done
