# Shared set-up of the benchmark session scripts (sourced, not run): the checkout, the data
# folder (first argument, else bench-data/<name>), the jars, and the step and timed helpers
# that log the load average and the CPU time of each step.
#   . "$(dirname "$0")/session_common.sh" NAME "$@"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${2:-$root/bench-data/$1}"
bench="$root/ope4j-bench/target/benchmarks.jar"
jar="$root/ope4j-cli/target/ope4j.jar"
mkdir -p "$data"
cd "$data"

step() { echo "== $1 ($(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"; }
timed() { /usr/bin/time -f "  wall %e s, user %U s, sys %S s, max RSS %M KB" "$@"; }
