#!/usr/bin/python3
"""IPW, SNIPW and DR with bootstrap intervals on a narrow CSV, the way Open Bandit Pipeline does.

The peer side of the end-to-end comparison in BENCHMARKS.md ("End-to-end: `ope4j evaluate` vs
pandas"). Uses only pandas and numpy (Debian python3-pandas / python3-numpy, so run it with
/usr/bin/python3), and follows OBP 0.5.5 step by step:

* per-round terms as in ``obp.ope.estimators`` ``_estimate_round_rewards``, with
  w = pi / pscore: IPW ``w * r``; SNIPW ``w * r / mean(w)``; DR ``q_pi + w * (r - q)``;
* point estimate = mean of the terms (``estimate_policy_value``);
* interval as ``estimate_interval`` -> ``obp.utils.estimate_confidence_interval_by_bootstrap``:
  a fresh ``np.random.RandomState(seed)`` per estimator, ``n_bootstrap_samples`` times the mean
  of ``rng.choice(terms, size=n)`` (n rows drawn with replacement), then the 2.5 and 97.5
  percentiles (alpha = 0.05).

Input: a CSV with header and columns action,reward,pscore,pi,q,q_pi (formats.md, narrow form),
e.g. written by ``io.ope4j.bench.NarrowCsvGenerator``. Prints the estimates and the wall time of
each phase (read, terms and point estimates, bootstrap per estimator), the total, and the total
CPU time of the process (numpy and pandas run these steps on one thread), on stdout. Interpreter
start and imports (about 0.5-1 s) are outside the timings.

    /usr/bin/python3 ope4j-bench/scripts/obp_style_eval.py bench-data/narrow-1m.csv
    /usr/bin/python3 ope4j-bench/scripts/obp_style_eval.py FILE --n-bootstrap 100 --seed 12345
"""

import argparse
import sys
import time

import numpy as np
import pandas as pd

COLUMNS = ["action", "reward", "pscore", "pi", "q", "q_pi"]


def bootstrap_interval(terms, n_bootstrap, seed, alpha=0.05):
    """OBP's estimate_confidence_interval_by_bootstrap: the mean of n-row resamples."""
    rng = np.random.RandomState(seed)
    means = np.empty(n_bootstrap)
    for b in range(n_bootstrap):
        means[b] = np.mean(rng.choice(terms, size=terms.shape[0]))
    return (
        float(np.mean(means)),
        float(np.percentile(means, 100 * (alpha / 2))),
        float(np.percentile(means, 100 * (1.0 - alpha / 2))),
    )


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", help="narrow CSV: action,reward,pscore,pi,q,q_pi")
    parser.add_argument("--n-bootstrap", type=int, default=100, help="resamples per estimator")
    parser.add_argument("--seed", type=int, default=12345, help="RandomState seed (as OBP's random_state)")
    args = parser.parse_args(argv)

    phases = []
    start = time.perf_counter()
    cpu_start = time.process_time()

    t = time.perf_counter()
    frame = pd.read_csv(args.csv, usecols=COLUMNS)
    reward = frame["reward"].to_numpy(dtype=np.float64)
    pscore = frame["pscore"].to_numpy(dtype=np.float64)
    pi = frame["pi"].to_numpy(dtype=np.float64)
    q = frame["q"].to_numpy(dtype=np.float64)
    q_pi = frame["q_pi"].to_numpy(dtype=np.float64)
    n = reward.shape[0]
    if n == 0:
        print(f"{args.csv}: no rows", file=sys.stderr)
        return 2
    phases.append(("read_csv", time.perf_counter() - t))

    t = time.perf_counter()
    weight = pi / pscore
    terms = {
        "ipw": weight * reward,
        "snipw": weight * reward / weight.mean(),
        "dr": q_pi + weight * (reward - q),
    }
    estimates = {name: float(values.mean()) for name, values in terms.items()}
    phases.append(("terms+point", time.perf_counter() - t))

    intervals = {}
    for name, values in terms.items():
        t = time.perf_counter()
        intervals[name] = bootstrap_interval(values, args.n_bootstrap, args.seed)
        phases.append((f"bootstrap[{name}]", time.perf_counter() - t))

    total = time.perf_counter() - start
    cpu_total = time.process_time() - cpu_start

    print(f"rows {n}, bootstrap resamples {args.n_bootstrap}, seed {args.seed}")
    for name in terms:
        mean, lower, upper = intervals[name]
        print(f"{name:6s} estimate {estimates[name]:.6f}  95% CI [{lower:.6f}, {upper:.6f}]  bootstrap mean {mean:.6f}")
    for phase, seconds in phases:
        print(f"time {phase:18s} {seconds:8.3f} s")
    print(f"time {'total':18s} {total:8.3f} s   ({n / total / 1e6:.3f} M rows/s)")
    print(f"cpu  {'total':18s} {cpu_total:8.3f} s   ({n / cpu_total / 1e6:.3f} M rows per CPU-s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
