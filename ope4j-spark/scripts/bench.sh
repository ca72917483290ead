#!/usr/bin/env bash
# Local engine vs Spark local[1] and local[2] on one narrow Parquet log (BENCHMARKS.md, "Spark").
#
#   ope4j-spark/scripts/bench.sh [ROWS] [REPEATS]     (defaults: 100000000 rows, 1 repeat)
#
# Generates bench-data/narrow-ROWS/ once (action, reward, pscore, pi, q, q_pi; ~13 bytes a row),
# then times `ope4j evaluate --estimators ipw,snipw,dr --ci bootstrap --bootstrap 100` on it
# with each engine: wall time of the whole command (JVM and Spark start included), and the
# fixed cost measured on a 1,000-row log. Checks that every engine printed the same JSON.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-100000000}"
repeats="${2:-1}"
cd "$root"
mvn -B -q -DskipTests -pl ope4j-cli,ope4j-spark -am package
target="$root/ope4j-spark/target"
cli="$root/ope4j-cli/target/ope4j.jar"
spark_java=(java $(cat "$target/java-options") -Dslf4j.internal.verbosity=ERROR
  -cp "$target/lib/*:$target/ope4j-spark.jar:$cli")

generate() { # rows dir
  if ! ls "$2"/part-*.parquet >/dev/null 2>&1; then
    echo "generating $1 rows in $2 ..." >&2
    "${spark_java[@]}" "$root/ope4j-spark/scripts/GenerateBenchLog.java" "$1" "$2" 2>/dev/null
  fi
  ls "$2"/part-*.parquet
}
data="$(generate "$rows" "$root/bench-data/narrow-$rows")"
tiny="$(generate 1000 "$root/bench-data/narrow-1000")"
options=(--estimators ipw,snipw,dr --ci bootstrap --bootstrap 100 --format json)

seconds() { # command... ; prints "wall cpu" seconds (cpu: user + system), output to $out
  local TIMEFORMAT='%R %U %S' times
  times=$( { time "$@" >"$out" 2>>"$root/bench-data/bench.log"; } 2>&1 )
  echo "$times" | awk '{ printf "%.2f %.2f", $1, $2 + $3 }'
}

run() { # name file command... ; prints the best "wall cpu" of the repeats
  local name=$1 file=$2
  shift 2
  local best="" t
  for _ in $(seq "$repeats"); do
    out="$root/bench-data/$name.json"
    t=$(seconds "$@" "${options[@]}" --data "$file")
    if [ -z "$best" ] || (( $(echo "${t% *} < ${best% *}" | bc) )); then best=$t; fi
  done
  echo "$best"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "log: $data ($(du -h "$data" | cut -f1)), $rows rows"
local_s=$(run local "$data" java -jar "$cli" evaluate)
s1=$(run spark1 "$data" "${spark_java[@]}" io.ope4j.cli.Ope4j evaluate --engine spark --master 'local[1]')
s2=$(run spark2 "$data" "${spark_java[@]}" io.ope4j.cli.Ope4j evaluate --engine spark --master 'local[2]')
local0=$(run local-tiny "$tiny" java -jar "$cli" evaluate)
spark0=$(run spark-tiny "$tiny" "${spark_java[@]}" io.ope4j.cli.Ope4j evaluate --engine spark --master 'local[2]')
cmp -s "$root/bench-data/local.json" "$root/bench-data/spark1.json" \
  && cmp -s "$root/bench-data/local.json" "$root/bench-data/spark2.json" \
  && same="yes, byte for byte" || same="NO"
row() { # label "wall cpu" "fixed wall cpu"
  local wall=${2% *} cpu=${2#* }
  printf '| %s | %.1f | %.2f M | %.1f | %s |\n' "$1" "$wall" "$(echo "$rows / $wall / 1000000" | bc -l)" \
    "$cpu" "${3:-}"
}
printf '| engine | wall s | rows/s | CPU s | fixed cost: wall, CPU s (1,000 rows) |\n|---|---:|---:|---:|---|\n'
row "local (2 threads)" "$local_s" "$local0"
row "spark local[1]" "$s1"
row "spark local[2]" "$s2" "$spark0"
printf 'spark local[2] / local: %.2fx the time; local[1] -> local[2]: %.2fx faster; same JSON: %s\n' \
  "$(echo "${s2% *} / ${local_s% *}" | bc -l)" "$(echo "${s1% *} / ${s2% *}" | bc -l)" "$same"
