#!/usr/bin/env bash
# Builds and runs the C baseline of SnipwKernelBenchmark (scripts/snipw_kernel.c) with
# gcc -O3 -march=native. Run it in the same session as the JMH kernel benchmark and report the
# ratio. Arguments are passed on: [ROWS=10000000] [REPETITIONS=30].
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="${TMPDIR:-/tmp}/snipw_kernel"
gcc -O3 -march=native -o "$binary" "$here/snipw_kernel.c" -lm
"$binary" "$@"
