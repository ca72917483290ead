"""Open Bandit Pipeline's Cascade-DR on a slate log, timed: the peer side of BENCHMARKS.md
("Slates: Cascade-DR against Open Bandit Pipeline").

Runs OBP 0.5.5 from its source tree (``SlateCascadeDoublyRobust.estimate_policy_value``), with
the slate log's columns read by pandas from a CSV (or from a Parquet file, a path ending in
``.parquet``, with pyarrow): ``slate_id, position, action, reward, pscore_cascade,
evaluation_policy_pscore_cascade, pi_e_0..pi_e_{K-1}, qhat_0..qhat_{K-1}`` (docs/formats.md,
"Slate log"), e.g. written by ``ope4j simulate --slate-length 10``. Prints the estimate and the
wall and CPU time of reading and of estimating. Interpreter start and imports are outside the
timings. With ``--cache DIR`` the arrays read are saved there as ``.npy`` files, and a later run
loads them from there instead of reading the CSV (to time the estimator alone, repeatedly).

Setup (a venv under /tmp; OBP imports torch at load time, an import-only stand-in is enough):

    python3 -m venv /tmp/obp-venv
    /tmp/obp-venv/bin/pip install numpy scipy scikit-learn pandas tqdm pyyaml matplotlib seaborn
    # obp/ of st-tech/zr-obp at 8cbd5fa (0.5.5) exported to /tmp/obp-src, a stub torch package
    # (torch, torch.nn, torch.nn.functional, torch.optim, torch.utils, torch.utils.data,
    # torch.distributions) in /tmp/obp-stub
    PYTHONPATH=/tmp/obp-src:/tmp/obp-stub /tmp/obp-venv/bin/python \
        ope4j-bench/scripts/obp_cascade_dr.py /tmp/slatebench/slates-1m.csv --cache /tmp/slatebench/npy
"""

import argparse
import os
import resource
import time

import numpy as np
import pandas as pd
from obp.ope.estimators_slate import SlateCascadeDoublyRobust


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--cache", help="directory of .npy copies of the arrays")
    args = parser.parse_args()

    start = time.perf_counter()
    start_cpu = cpu_seconds()
    names = ["slate_id", "action", "reward", "position", "pscore_cascade",
             "evaluation_policy_pscore_cascade", "q_hat", "evaluation_policy_action_dist"]
    if args.cache and os.path.exists(os.path.join(args.cache, "q_hat.npy")):
        arrays = {name: np.load(os.path.join(args.cache, name + ".npy")) for name in names}
        k = int(np.load(os.path.join(args.cache, "items.npy")))
    else:
        arrays, k = read_csv(args.csv)
        if args.cache:
            os.makedirs(args.cache, exist_ok=True)
            for name in names:
                np.save(os.path.join(args.cache, name + ".npy"), arrays[name])
            np.save(os.path.join(args.cache, "items.npy"), np.array(k))
    length = int(arrays["position"].max()) + 1
    read = time.perf_counter()
    read_cpu = cpu_seconds()

    estimator = SlateCascadeDoublyRobust(len_list=length, n_unique_action=k)
    value = estimator.estimate_policy_value(**arrays)
    done = time.perf_counter()
    rows = len(arrays["action"])
    print(f"rows {rows} slates {rows // length} length {length} items {k}")
    print(f"cascade-dr {float(value)!r}")
    print(f"read_s {read - start:.2f} estimate_s {done - read:.2f} total_s {done - start:.2f}")
    print(f"read_cpu_s {read_cpu - start_cpu:.2f} estimate_cpu_s {cpu_seconds() - read_cpu:.2f}")


def read_csv(path):
    """The columns OBP's Cascade-DR takes, read with pandas (``read_parquet`` for a path ending in
    ``.parquet``, with pyarrow); returns them and the item count."""
    parquet = path.endswith(".parquet")
    header = pq_columns(path) if parquet else pd.read_csv(path, nrows=0).columns
    k = sum(1 for c in header if c.startswith("pi_e_"))
    pi_columns = [f"pi_e_{a}" for a in range(k)]
    q_columns = [f"qhat_{a}" for a in range(k)]
    columns = ["slate_id", "position", "action", "reward", "pscore_cascade",
               "evaluation_policy_pscore_cascade"] + pi_columns + q_columns
    frame = pd.read_parquet(path, columns=columns) if parquet else pd.read_csv(path, usecols=columns)
    arrays = {name: frame[name].to_numpy() for name in columns[:6]}
    arrays["q_hat"] = frame[q_columns].to_numpy().ravel()
    arrays["evaluation_policy_action_dist"] = frame[pi_columns].to_numpy().ravel()
    return arrays, k


def pq_columns(path):
    import pyarrow.parquet as pq
    return pq.read_schema(path).names


if __name__ == "__main__":
    main()
