"""Open Bandit Pipeline's Cascade-DR on a slate log, timed: the peer side of BENCHMARKS.md
("Slates: Cascade-DR against Open Bandit Pipeline").

Runs OBP 0.5.5 from its source tree (``SlateCascadeDoublyRobust.estimate_policy_value``), with
the slate log's columns read by pandas: ``slate_id, position, action, reward, pscore_cascade,
evaluation_policy_pscore_cascade, pi_e_0..pi_e_{K-1}, qhat_0..qhat_{K-1}`` (docs/formats.md,
"Slate log"), e.g. written by ``ope4j simulate --slate-length 10``. Prints the estimate and the
wall time of reading and of estimating, and the process's CPU time. Interpreter start and imports
are outside the timings.

Setup (a venv under /tmp; OBP imports torch at load time, an import-only stand-in is enough):

    python3 -m venv /tmp/obp-venv
    /tmp/obp-venv/bin/pip install numpy scipy scikit-learn pandas tqdm pyyaml matplotlib seaborn
    # obp/ of st-tech/zr-obp at 8cbd5fa (0.5.5) exported to /tmp/obp-src, a stub torch package
    # (torch, torch.nn, torch.nn.functional, torch.optim, torch.utils, torch.utils.data,
    # torch.distributions) in /tmp/obp-stub
    PYTHONPATH=/tmp/obp-src:/tmp/obp-stub /tmp/obp-venv/bin/python \
        ope4j-bench/scripts/obp_cascade_dr.py /tmp/slatebench/slates-1m.csv
"""

import argparse
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
    args = parser.parse_args()

    start = time.perf_counter()
    header = pd.read_csv(args.csv, nrows=0).columns
    k = sum(1 for c in header if c.startswith("pi_e_"))
    pi_columns = [f"pi_e_{a}" for a in range(k)]
    q_columns = [f"qhat_{a}" for a in range(k)]
    columns = ["slate_id", "position", "action", "reward", "pscore_cascade",
               "evaluation_policy_pscore_cascade"] + pi_columns + q_columns
    frame = pd.read_csv(args.csv, usecols=columns)
    length = int(frame["position"].max()) + 1
    q_hat = frame[q_columns].to_numpy().ravel()
    action_dist = frame[pi_columns].to_numpy().ravel()
    read = time.perf_counter()

    estimator = SlateCascadeDoublyRobust(len_list=length, n_unique_action=k)
    value = estimator.estimate_policy_value(
        slate_id=frame["slate_id"].to_numpy(),
        action=frame["action"].to_numpy(),
        reward=frame["reward"].to_numpy(),
        position=frame["position"].to_numpy(),
        pscore_cascade=frame["pscore_cascade"].to_numpy(),
        evaluation_policy_pscore_cascade=frame["evaluation_policy_pscore_cascade"].to_numpy(),
        q_hat=q_hat,
        evaluation_policy_action_dist=action_dist,
    )
    done = time.perf_counter()
    print(f"rows {len(frame)} slates {len(frame) // length} length {length} items {k}")
    print(f"cascade-dr {value!r}")
    print(f"read_s {read - start:.2f} estimate_s {done - read:.2f} total_s {done - start:.2f}"
          f" cpu_s {cpu_seconds():.2f}")


if __name__ == "__main__":
    main()
