# Shared by the benchmark session scripts: `step NAME` logs a step with the time and load
# average; `timed CMD...` runs a command under /usr/bin/time (wall, CPU, peak RSS).
step() { echo "== $1 ($(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"; }
timed() { /usr/bin/time -f "  wall %e s, user %U s, sys %S s, max RSS %M KB" "$@"; }
