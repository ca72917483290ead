#!/usr/bin/env bash
# Trajectory logs: local engine vs Spark local[2] (BENCHMARKS.md, "Spark: trajectory logs").
#
#   ope4j-spark/scripts/bench-trajectories.sh [EPISODES] [STEPS]   (defaults: 100000 50)
#
# Generates bench-data/trajectories-EPISODESxSTEPS/ once (one Parquet file: episode, step,
# action, reward, pscore, pi, q, v), then times `ope4j evaluate --gamma 0.99 --ci bootstrap
# --bootstrap 100` on it (default estimators: dm,tis,pdis,sntis,snpdis,dr,sndr, two passes) with
# each engine, with /usr/bin/time: wall and CPU (user + system) of the whole command, JVM and
# Spark start included. Prints the load average before and after, and checks that both engines
# printed the same JSON, byte for byte.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
episodes="${1:-100000}"
steps="${2:-50}"
cd "$root"
mvn -B -q -DskipTests -pl ope4j-cli,ope4j-spark -am package
target="$root/ope4j-spark/target"
cli="$root/ope4j-cli/target/ope4j.jar"
spark_java=(java $(cat "$target/java-options") -Dslf4j.internal.verbosity=ERROR
  -cp "$target/lib/*:$target/ope4j-spark.jar:$cli")

dir="$root/bench-data/trajectories-${episodes}x${steps}"
if ! ls "$dir"/part-*.parquet >/dev/null 2>&1; then
  echo "generating $episodes episodes of $steps steps in $dir ..." >&2
  "${spark_java[@]}" "$root/ope4j-spark/scripts/GenerateTrajectoryLog.java" "$episodes" "$steps" "$dir" 2>/dev/null
fi
data="$(ls "$dir"/part-*.parquet)"
options=(--gamma 0.99 --ci bootstrap --bootstrap 100 --format json --quiet --data "$data")

measure() { # name command... ; prints "wall cpu" seconds, the JSON to bench-data/NAME.json
  local name=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$root/bench-data/$name.time" "$@" "${options[@]}" \
    >"$root/bench-data/$name.json" 2>>"$root/bench-data/bench.log"
  awk '{ printf "%.1f %.1f", $1, $2 + $3 }' "$root/bench-data/$name.time"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "log: $data ($(du -h "$data" | cut -f1)), $episodes episodes x $steps steps"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
local_s=$(measure trajectories-local java -jar "$cli" evaluate)
spark_s=$(measure trajectories-spark "${spark_java[@]}" io.ope4j.cli.Ope4j evaluate --engine spark --master 'local[2]')
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cmp -s "$root/bench-data/trajectories-local.json" "$root/bench-data/trajectories-spark.json" \
  && same="yes, byte for byte" || same="NO"
printf '| engine | wall s | CPU s (user + sys) |\n|---|---:|---:|\n'
printf '| local (all cores) | %s | %s |\n' ${local_s}
printf '| spark local[2] | %s | %s |\n' ${spark_s}
printf 'spark / local: %.2fx the wall time, %.2fx the CPU time; same JSON: %s\n' \
  "$(echo "${spark_s% *} / ${local_s% *}" | bc -l)" "$(echo "${spark_s#* } / ${local_s#* }" | bc -l)" "$same"
