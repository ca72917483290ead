#!/usr/bin/env bash
# One end-to-end benchmark session for BENCHMARKS.md ("End-to-end against Open Bandit Pipeline on
# wide logs"): `ope4j evaluate --estimators ipw,snipw,dr --ci bootstrap --bootstrap 100` against
#  (a) the pandas + numpy script obp_style_eval.py on the 2*10^6-row full-precision narrow CSV, and
#  (b) Open Bandit Pipeline 0.5.5 itself (obp_wide_eval.py: read_csv, OffPolicyEvaluation with
#      IPW, SNIPW, DR, estimate_intervals with 100 bootstrap samples) on wide logs written by
#      `ope4j simulate` (one evaluation policy: 28 columns, pi_softmax_<a> and q_<a> for 10 actions).
# The two sides run alternately, ROUNDS times per size, each under /usr/bin/time -v; a table of
# wall time, user + sys CPU time and peak resident memory closes the session.
#
#   mvn -B -q -pl ope4j-cli,ope4j-bench -am package -DskipTests
#   ope4j-bench/scripts/obp_wide_session.sh OBP_SRC_DIR [PYTHON] [DATA_DIR] [WIDE_ROWS] [ROUNDS]
#
# OBP_SRC_DIR holds OBP's obp/ package (st-tech/zr-obp commit 8cbd5fa: its .py files and
# obp/policy/conf/prior_bts.yaml; the peer's code is not part of this repository). OBP imports
# torch at load time for its neural learners only: obp_wide_eval.py installs an import-only
# stand-in torch module when no real one is importable. PYTHON needs numpy, pandas, scipy,
# scikit-learn, tqdm, pyyaml, matplotlib and seaborn, e.g.
#   python3 -m venv /tmp/obp-venv && /tmp/obp-venv/bin/pip install numpy pandas scipy \
#     scikit-learn tqdm pyyaml matplotlib seaborn
# WIDE_ROWS defaults to "1000000 10000000" (0.54 GB and 5.4 GB of CSV; OBP needs about 9 GB of
# memory at 10^7 rows); ROUNDS to 3. NARROW_ROUNDS=0 in the environment skips (a), e.g. for a
# second call that runs only 10^7 rows. ope4j runs through the ./ope4j launcher, i.e. with the
# class-data archive that `mvn package` writes beside the jar.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
obp_dir="$(cd "$1" && pwd)"
python="${2:-python3}"
data="${3:-$root/bench-data/e2e}"
wide_rows="${4:-1000000 10000000}"
rounds="${5:-3}"
narrow_rounds="${NARROW_ROUNDS:-$rounds}"
jar="$root/ope4j-cli/target/ope4j.jar"
bench="$root/ope4j-bench/target/benchmarks.jar"
mkdir -p "$data"
cd "$data"
results="$data/results-$(date -u +%H%M%S).tsv"
: > "$results"

step() { echo "== $1 ($(date -u +%T) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"; }

# Runs a command under /usr/bin/time -v, its stdout to $out; appends one line to the results.
timed() {
  local label="$1" out="$2"
  shift 2
  /usr/bin/time -v "$@" > "$out" 2> time.txt || { cat time.txt >&2; return 1; }
  awk -F': ' -v label="$label" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    END { printf "%s\t%.2f\t%.2f\t%.0f\t%s\n", label, wall, user + sys, rss / 1024, load }' time.txt \
    | tee -a "$results" | awk -F'\t' '{ printf "  %s: wall %s s, CPU %s s, max RSS %s MiB (load %s)\n", $1, $2, $3, $4, $5 }'
}

step machine
lscpu | grep -E 'Model name|^CPU\(s\)' || true
java -version 2>&1 | head -1
"$python" -c 'import sys, numpy, pandas; print("python", sys.version.split()[0], "numpy", numpy.__version__, "pandas", pandas.__version__)'
if [ -f "$root/ope4j-cli/target/ope4j.jsa" ] && [ "$root/ope4j-cli/target/ope4j.jsa" -nt "$jar" ]; then
  echo "class-data archive: $root/ope4j-cli/target/ope4j.jsa (used by ./ope4j)"
else
  echo "class-data archive: none newer than the jar (./ope4j runs without one)"
fi

step data
[ "$narrow_rounds" = 0 ] || [ -f full-2m.csv ] || java -cp "$bench" io.ope4j.bench.NarrowCsvGenerator 2000000 full-2m.csv 20240601 binary full
for rows in $wide_rows; do
  [ -f "wide-$rows.csv" ] || "$root/ope4j" simulate --rows "$rows" --seed 7 \
    --eval-policy softmax=softmax:0.5 -o "wide-$rows.csv" --quiet
done
for file in full-2m.csv wide-*.csv; do [ ! -f "$file" ] || ls -l "$file"; done

evaluate=(evaluate --estimators ipw,snipw,dr --ci bootstrap --bootstrap 100 --format csv)

[ "$narrow_rounds" = 0 ] || step "(a) narrow 2*10^6 rows: ope4j and pandas + numpy (obp_style_eval.py), alternately"
for round in $(seq "$narrow_rounds"); do
  timed "a narrow-2e6 ope4j" ope4j-a.csv "$root/ope4j" "${evaluate[@]}" --data full-2m.csv
  timed "a narrow-2e6 pandas" pandas-a.txt "$python" "$root/ope4j-bench/scripts/obp_style_eval.py" full-2m.csv
done
[ "$narrow_rounds" = 0 ] || { cut -d, -f1-8 ope4j-a.csv; tail -6 pandas-a.txt; }

for rows in $wide_rows; do
  step "(b) wide $rows rows: ope4j and Open Bandit Pipeline, alternately"
  for round in $(seq "$rounds"); do
    timed "b wide-$rows ope4j" "ope4j-b-$rows.csv" "$root/ope4j" "${evaluate[@]}" --data "wide-$rows.csv"
    timed "b wide-$rows obp" "obp-b-$rows.txt" "$python" "$root/ope4j-bench/scripts/obp_wide_eval.py" \
      "wide-$rows.csv" "$obp_dir"
  done
  cut -d, -f1-6 "ope4j-b-$rows.csv"
  cat "obp-b-$rows.txt"
done

step "summary (wall and CPU in s, max RSS in MiB; median [min, max] over rounds)"
awk -F'\t' '
  { key = $1; if (!(key in n)) order[++keys] = key; i = ++n[key]; wall[key, i] = $2; cpu[key, i] = $3; rss[key, i] = $4 }
  function sorted(a, key, m,    i, j, t, v) { for (i = 1; i <= m; i++) v[i] = a[key, i]
    for (i = 2; i <= m; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return sprintf("%.2f [%.2f, %.2f]", v[int((m + 1) / 2)], v[1], v[m]) }
  END { printf "%-24s %-24s %-24s %s\n", "run", "wall", "CPU (user+sys)", "max RSS"
    for (k = 1; k <= keys; k++) { key = order[k]
      printf "%-24s %-24s %-24s %s\n", key, sorted(wall, key, n[key]), sorted(cpu, key, n[key]), sorted(rss, key, n[key]) } }' "$results"
step done
