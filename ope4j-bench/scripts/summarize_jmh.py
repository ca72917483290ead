#!/usr/bin/env python3
"""Summarises JMH JSON result files (-rf json) as M rows/s per benchmark and parameter set.

Scores of the ope4j benchmarks are rows/s (one op = one row). Every measurement iteration of
every fork is one sample; on a busy machine other processes only ever slow a sample down, so
the median is the typical speed and the max the least disturbed one.

    python3 ope4j-bench/scripts/summarize_jmh.py bench-data/results/run1/*.json [more runs...]
"""

import json
import statistics
import sys


def main(paths):
    rows = {}
    for path in paths:
        with open(path) as handle:
            for result in json.load(handle):
                params = ",".join(f"{k}={v}" for k, v in sorted(result.get("params", {}).items()))
                name = result["benchmark"].rsplit(".", 2)
                key = (f"{name[-2]}.{name[-1]}", params)
                samples = [s for fork in result["primaryMetric"]["rawData"] for s in fork]
                rows.setdefault(key, []).extend(samples)
    print(f"{'benchmark':46s} {'params':42s} {'n':>3s} {'median':>8s} {'min':>8s} {'max':>8s}  (M rows/s)")
    for (bench, params), samples in rows.items():
        m = [s / 1e6 for s in samples]
        print(f"{bench:46s} {params:42s} {len(m):3d} {statistics.median(m):8.1f} {min(m):8.1f} {max(m):8.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
