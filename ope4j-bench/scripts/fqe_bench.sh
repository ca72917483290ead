#!/usr/bin/env bash
# Fitted Q evaluation on ~10^6 logged steps: ope4j (FqeBenchmark) against the same iteration in
# numpy (fqe_numpy.py), on the same log, one after the other. Run from the repository root:
#   bash ope4j-bench/scripts/fqe_bench.sh [EPISODES] [DIR]
set -euo pipefail
episodes="${1:-280000}"
dir="${2:-/tmp/ope4j-fqe-bench}"
mkdir -p "$dir"
[ -f "$dir/log.csv" ] || ./ope4j simulate --env tabular --states 20 --actions 4 --episodes "$episodes" --gamma 0.9 \
    --seed 11 --target greedy=epsilon-greedy:0.1 --output "$dir/log.csv"
mvn -B -q -o -pl ope4j-models -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="ope4j-models/target/test-classes:ope4j-models/target/classes:$(cat ope4j-models/target/bench.classpath)"
echo "== ope4j"
/usr/bin/time -f "ope4j peak RSS %M KiB, %e s wall, %U s user" java -Xmx4g -cp "$cp" \
    io.ope4j.models.sequential.FqeBenchmark "$dir/log.csv" "$dir/log.truth.json" 0.9 greedy \
    fqe-linear fqe-linear:solve=lstdq fqe-tabular ${TREES:+fqe-trees:iterations=20:rounds=20}
echo "== numpy"
# OpenBLAS kernel overrides slow a current numpy down (see the machine notes); unset them here only
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/time -f "numpy peak RSS %M KiB, %e s wall, %U s user" \
    python3 ope4j-bench/scripts/fqe_numpy.py "$dir/log.csv" "$dir/log.truth.json" 0.9 greedy
