#!/usr/bin/env bash
# Kernel DR at 10^7 rows: ope4j (KernelDrRunner) against Open Bandit Pipeline 0.5.5 from its source tree.
# Usage, from the top of the checkout, after `mvn -B -o -q -pl ope4j-bench -am package -DskipTests`:
#   ope4j-bench/scripts/run_kernel_dr_vs_obp.sh OBP_SRC_DIR [PYTHON] [ROWS] [ROUNDS]
# OBP_SRC_DIR holds OBP's obp/ package (st-tech/zr-obp commit 8cbd5fa, its .py files) and a
# stand-in package named torch that OBP imports at load time (its estimators never use it);
# PYTHON needs numpy, scipy, scikit-learn, pandas, tqdm, pyyaml, matplotlib and seaborn for OBP's imports.
set -euo pipefail
obp_dir="$1"
python="${2:-python3}"
rows="${3:-10000000}"
rounds="${4:-3}"
jar=ope4j-bench/target/benchmarks.jar
data="${TMPDIR:-/tmp}/kernel-dr-$rows.bin"
[ -f "$data" ] || java -Xmx4g -cp "$jar" io.ope4j.bench.KernelDrRunner write "$data" "$rows"
java -Xmx4g -cp "$jar" io.ope4j.bench.KernelDrRunner time "$data" "$rounds"
"$python" ope4j-bench/scripts/obp_kernel_dr.py "$data" "$obp_dir" "$rounds"
