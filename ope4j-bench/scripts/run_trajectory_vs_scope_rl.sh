#!/usr/bin/env bash
# Trajectories, 10^6 episodes x 50 steps: `ope4j evaluate` (tis, pdis, dr, sndr, 100-replicate
# bootstrap, -Xmx1g) against SCOPE-RL's basic estimators run from its source tree, on one CSV.
# BENCHMARKS.md, "Trajectories: 10^6 episodes x 50 steps against SCOPE-RL".
#
# Usage, from the top of the checkout, after
#   mvn -B -o -q -pl ope4j-cli,ope4j-bench -am package -DskipTests
# run
#   ope4j-bench/scripts/run_trajectory_vs_scope_rl.sh SCOPE_RL_SRC PYTHON [EPISODES] [DIR]
# SCOPE_RL_SRC is a folder holding SCOPE-RL's scope_rl/ package (hakuhodo-technologies/scope-rl
# commit b1c9e9f, its files as in the repository); PYTHON has numpy, pandas, scipy and
# scikit-learn (scope_rl_trajectory_eval.py says which stand-ins replace gym and d3rlpy).
# The log (about 105 bytes per step) is written to DIR (default /tmp/trajbench) once and reused.
# Each run is timed end to end, JVM or interpreter start included, by /usr/bin/time -v.
set -euo pipefail
scope_rl="$1"
python="$2"
episodes="${3:-1000000}"
dir="${4:-/tmp/trajbench}"
jar=ope4j-cli/target/ope4j.jar
bench=ope4j-bench/target/benchmarks.jar
log="$dir/bidding-$episodes.csv"
mkdir -p "$dir"

if [ ! -f "$log" ]; then
  # 50-step bidding episodes (every episode has the same length, as SCOPE-RL needs), one
  # evaluation policy, then Q-hat columns q_0..q_3 from the policy's exact Q plus a fixed error
  java -Xmx1g -jar "$jar" simulate --env bidding --budget 10 --periods 50 --actions 4 \
    --gamma 0.95 --target greedy=epsilon-greedy:0.3 --episodes "$episodes" --seed 1 --quiet \
    -o "$dir/raw-$episodes.csv"
  java -cp "$bench" io.ope4j.bench.TrajectoryQhatColumns "$dir/raw-$episodes.csv" "$log" \
    10 50 4 0.95 epsilon-greedy:0.3
  rm "$dir/raw-$episodes.csv" "$dir/raw-$episodes.truth.json"
fi
ls -l "$log"

# wall, CPU (user + sys) and max RSS of a /usr/bin/time -v report
summary() {
  awk -F': ' '/Elapsed/ {wall = $2} /User time/ {user = $2} /System time/ {sys = $2}
    /Maximum resident/ {rss = $2}
    END {printf "%s: wall %s, CPU %.1f s (user %s + sys %s), max RSS %.0f MiB\n", label, wall,
      user + sys, user, sys, rss / 1024}' label="$1" "$2"
}

run_ope4j() {
  local name="$1"
  shift
  /usr/bin/time -v -o "$dir/$name.time" java -Xmx1g -jar "$jar" evaluate --data "$log" \
    --schema trajectory --gamma 0.95 --estimators tis,pdis,dr,sndr --ci bootstrap \
    --bootstrap 100 --seed 12345 --quiet --format csv "$@" > "$dir/$name.out"
  cat "$dir/$name.out"
  summary "$name" "$dir/$name.time"
}

echo "load: $(uptime)"
run_ope4j ope4j-threads-1 --threads 1
echo "load: $(uptime)"
run_ope4j ope4j-threads-2 --threads 2
echo "load: $(uptime)"
/usr/bin/time -v -o "$dir/scope-rl.time" "$python" ope4j-bench/scripts/scope_rl_trajectory_eval.py \
  "$log" "$scope_rl" --gamma 0.95 --policy-prefix pi_greedy_ --n-bootstrap 100 --seed 12345 \
  | tee "$dir/scope-rl.out"
summary scope-rl "$dir/scope-rl.time"
echo "load: $(uptime)"
# SCOPE-RL's own intervals (its index bootstrap, which keeps every episode's value): the same
# numbers as the SCOPE-RL run above, to about 1e-12
run_ope4j ope4j-scope-rl-compat --threads 2 --scope-rl-compat scope-rl
echo "load: $(uptime)"
