#!/usr/bin/env python3
"""Open Bandit Pipeline 0.5.5's KernelizedDoublyRobust over the arrays KernelDrRunner writes.

The peer side of BENCHMARKS.md, "Continuous actions: kernel DR at 10^7 rows". Needs OBP's
source tree on sys.path (argument 2; see run_kernel_dr_vs_obp.sh) and numpy, scikit-learn.
Times, best of ROUNDS wall-clock runs, ``estimate_policy_value`` (gaussian kernel, h = 0.25,
q-hat at the evaluation action as its one reward-model array, as OBP's docstring formula asks),
then once ``estimate_interval`` with 100 bootstrap replicates (OBP's default is 10,000).

    python3 obp_kernel_dr.py ARRAYS.bin OBP_SRC_DIR [ROUNDS]

With ``--csv`` it runs end to end from a continuous-action log instead (docs/formats.md,
"Continuous-action log", e.g. written by ``ope4j simulate --schema continuous``): pandas
``read_csv`` of the columns the estimator takes (action, reward, pscore, target_action, q_pi),
then one ``estimate_policy_value`` with the same kernel and bandwidth; it prints the wall and CPU
time of each step (interpreter start and imports are outside them, /usr/bin/time sees all):

    python3 obp_kernel_dr.py --csv LOG.csv OBP_SRC_DIR
"""

import resource
import sys
import time

import numpy as np


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_csv(path):
    """Reads the log with pandas and runs the point estimate once; prints both steps' times."""
    import pandas as pd
    start, start_cpu = time.perf_counter(), cpu_seconds()
    frame = pd.read_csv(path, usecols=["action", "reward", "pscore", "target_action", "q_pi"])
    arrays = {name: frame[name].to_numpy() for name in frame.columns}
    read, read_cpu = time.perf_counter(), cpu_seconds()
    estimator = KernelizedDoublyRobust(kernel="gaussian", bandwidth=0.25)
    value = estimator.estimate_policy_value(
        reward=arrays["reward"], action_by_behavior_policy=arrays["action"],
        pscore=arrays["pscore"], action_by_evaluation_policy=arrays["target_action"],
        estimated_rewards_by_reg_model=arrays["q_pi"])
    done = time.perf_counter()
    print(f"rows {len(frame)}")
    print(f"kernel-dr {float(value)!r}")
    print(f"read_s {read - start:.2f} estimate_s {done - read:.2f} total_s {done - start:.2f}")
    print(f"read_cpu_s {read_cpu - start_cpu:.2f} estimate_cpu_s {cpu_seconds() - read_cpu:.2f}")


csv_mode = sys.argv[1] == "--csv"
if csv_mode:
    del sys.argv[1]
path, obp_dir = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
sys.path.insert(0, obp_dir)
from obp.ope import KernelizedDoublyRobust  # noqa: E402

if csv_mode:
    run_csv(path)
    sys.exit(0)

columns = np.fromfile(path, dtype="<f8").reshape(6, -1)
action, reward, pscore, target, q_pi, q = columns
estimator = KernelizedDoublyRobust(kernel="gaussian", bandwidth=0.25)
args = dict(reward=reward, action_by_behavior_policy=action, pscore=pscore,
            action_by_evaluation_policy=target, estimated_rewards_by_reg_model=q_pi)
best = float("inf")
best_cpu = float("inf")
for _ in range(rounds):
    start, cpu = time.perf_counter(), time.process_time()
    value = estimator.estimate_policy_value(**args)
    best = min(best, time.perf_counter() - start)
    best_cpu = min(best_cpu, time.process_time() - cpu)
print(f"OBP KernelizedDoublyRobust.estimate_policy_value: {best:.3f} s wall, {best_cpu:.3f} s CPU"
      f" (best of {rounds}); estimate {value:.15g}")
start, cpu = time.perf_counter(), time.process_time()
interval = estimator.estimate_interval(**args, n_bootstrap_samples=100, random_state=12345)
print(f"OBP KernelizedDoublyRobust.estimate_interval, B=100: {time.perf_counter() - start:.3f} s wall,"
      f" {time.process_time() - cpu:.3f} s CPU; [{interval['95.0% CI (lower)']:.6f}, {interval['95.0% CI (upper)']:.6f}]")
