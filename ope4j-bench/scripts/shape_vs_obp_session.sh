#!/usr/bin/env bash
# Slates (Cascade-DR, 10^6 slates x 10) and continuous actions (kernel DR, 10^7 rows): ope4j
# against Open Bandit Pipeline 0.5.5 end to end from the same CSV file, alternating, in one
# session (BENCHMARKS.md, "Slates and kernel DR end to end from one CSV against Open Bandit
# Pipeline"). Every run is logged with the load average before it and /usr/bin/time's wall,
# user, sys and peak RSS.
#
#   ope4j-bench/scripts/shape_vs_obp_session.sh DATA_DIR OBP_SRC_DIR TORCH_STUB_DIR PYTHON [ROUNDS]
#
# DATA_DIR gets the two logs (about 5.4 GB and 2.0 GB of CSV; kept if present) and a Parquet
# copy of the slate log. OBP_SRC_DIR holds OBP's obp/ package (st-tech/zr-obp 8cbd5fa, .py files),
# TORCH_STUB_DIR an import-only package named torch, PYTHON numpy, scipy, scikit-learn, pandas,
# tqdm, pyyaml, matplotlib, seaborn and pyarrow. Build first: mvn -B -o -q -pl ope4j-cli -am package -DskipTests
set -euo pipefail
scripts="$(cd "$(dirname "$0")" && pwd)"
. "$scripts/bench_lib.sh"
root="$(cd "$scripts/../.." && pwd)"
data="$1" obp_src="$2" stub="$3" python="$4" rounds="${5:-2}"
mkdir -p "$data"
jar="$data/ope4j.jar"
cp "$root/ope4j-cli/target/ope4j.jar" "$jar"
slates="$data/slates-1m.csv"
cont="$data/cont-1e7.csv"
kernel='kernel-dr:kernel=gaussian:bandwidth=0.25:compat=obp'
obp() { PYTHONPATH="$obp_src:$stub" timed "$python" "$@"; }
# ope4j's Cascade-DR on LOG with 1 and 2 threads: cascade_runs LABEL LOG
cascade_runs() {
  for threads in 1 2; do
    step "$1: ope4j cascade-dr, --threads $threads"
    timed java -jar "$jar" evaluate --data "$2" --estimators cascade-dr --threads "$threads" --format csv --quiet
  done
}

parquet="$data/slates-1m.parquet"
[ -f "$slates" ] || java -jar "$jar" simulate --slate-length 10 --slates 1000000 --actions 10 \
    --contexts 1000 --click-model cascade --seed 1 --quiet -o "$slates"
[ -f "$cont" ] || java -jar "$jar" simulate --schema continuous --rows 10000000 --seed 1 --quiet -o "$cont"
ls -l "$slates" "$cont"

for round in $(seq 1 "$rounds"); do
  cascade_runs "round $round, CSV" "$slates"
  step "round $round: OBP SlateCascadeDoublyRobust, pandas read_csv"
  obp "$scripts/obp_cascade_dr.py" "$slates"
  for threads in 1 2; do
    step "round $round: ope4j $kernel, CSV, --threads $threads"
    timed java -jar "$jar" evaluate --schema continuous --data "$cont" --estimators "$kernel" \
        --threads "$threads" --format csv --quiet
  done
  step "round $round: OBP KernelizedDoublyRobust, pandas read_csv"
  obp "$scripts/obp_kernel_dr.py" --csv "$cont" "$obp_src"
done

step "ope4j convert slates to Parquet"
[ -f "$parquet" ] || timed java -jar "$jar" convert --data "$slates" -o "$parquet" --quiet
ls -l "$parquet"
cascade_runs "Parquet" "$parquet"
step "OBP SlateCascadeDoublyRobust, pandas read_parquet (pyarrow)"
obp "$scripts/obp_cascade_dr.py" "$parquet"
