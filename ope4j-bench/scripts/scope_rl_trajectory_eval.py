#!/usr/bin/env python3
"""SCOPE-RL's basic discrete-action estimators (TIS, PDIS, DR, SNDR) on a trajectory CSV.

The peer side of BENCHMARKS.md, "Trajectories: 10^6 episodes x 50 steps against SCOPE-RL"
(run by run_trajectory_vs_scope_rl.sh). It runs SCOPE-RL's own classes from its source tree
(argument 2: the folder that holds the ``scope_rl/`` package, hakuhodo-technologies/scope-rl commit
b1c9e9f), unmodified, on arrays read from the same file ope4j reads:

* ``pandas.read_csv`` (the C parser, float64/int64 columns) of ``step``, ``action``, ``reward``,
  ``pscore``, the evaluation policy's ``PREFIX0..`` columns and ``q_0..``, then numpy arrays of the
  shapes SCOPE-RL asks for (``action``, ``reward``, ``pscore`` of shape (n T,),
  ``evaluation_policy_action_dist`` and ``state_action_value_prediction`` of shape (n T, K));
* for each estimator, ``estimate_policy_value`` and ``estimate_interval(ci="bootstrap",
  n_bootstrap_samples=B, random_state=SEED)``, as ``OffPolicyEvaluation`` does for each estimator
  (its default is 100 bootstrap samples); every episode must have the same number of steps T.

Stand-ins: SCOPE-RL's package ``__init__`` files import d3rlpy and gym (its learners and
environments), which its basic estimators never call. The script therefore registers the
packages ``scope_rl``, ``scope_rl.ope`` and ``scope_rl.ope.discrete`` by path without running
their ``__init__``, and import-only stand-in modules ``gym`` (a class ``Env``, used in type hints)
and ``d3rlpy.preprocessing`` (a class ``ActionScaler``, likewise). The modules that compute,
``scope_rl/utils.py``, ``scope_rl/ope/estimators_base.py`` and
``scope_rl/ope/discrete/basic_estimators.py``, run as shipped. Needs numpy, pandas, scipy and
scikit-learn.

Prints each estimate and interval, then the wall time of each phase and the process CPU time on
stdout. Interpreter start and imports are outside the phase timings; time the whole process with
``/usr/bin/time -v`` for the end-to-end wall time and the maximum resident set size.

    python3 scope_rl_trajectory_eval.py LOG.csv SCOPE_RL_SRC [--gamma 0.95] [--policy-prefix pi_greedy_]
        [--q-prefix q_] [--n-bootstrap 100] [--seed 12345]
"""

import argparse
import importlib
import os
import sys
import time
import types


def install_stand_ins(scope_rl_src):
    """Import-only stand-ins for gym and d3rlpy; SCOPE-RL's packages registered by path."""
    gym = types.ModuleType("gym")
    gym.Env = type("Env", (), {})
    d3rlpy = types.ModuleType("d3rlpy")
    preprocessing = types.ModuleType("d3rlpy.preprocessing")
    preprocessing.ActionScaler = type("ActionScaler", (), {})
    d3rlpy.preprocessing = preprocessing
    sys.modules.update({"gym": gym, "d3rlpy": d3rlpy, "d3rlpy.preprocessing": preprocessing})
    for name in ("scope_rl", "scope_rl.ope", "scope_rl.ope.discrete"):
        package = types.ModuleType(name)
        package.__path__ = [os.path.join(scope_rl_src, *name.split("."))]
        sys.modules[name] = package
    return importlib.import_module("scope_rl.ope.discrete.basic_estimators")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("scope_rl_src", help="folder holding SCOPE-RL's scope_rl/ package")
    parser.add_argument("--gamma", type=float, default=0.95)
    parser.add_argument("--policy-prefix", default="pi_greedy_")
    parser.add_argument("--q-prefix", default="q_")
    parser.add_argument("--n-bootstrap", type=int, default=100)
    parser.add_argument("--seed", type=int, default=12345)
    args = parser.parse_args(argv)

    basic = install_stand_ins(os.path.abspath(args.scope_rl_src))
    import numpy as np
    import pandas as pd

    estimators = [basic.TrajectoryWiseImportanceSampling(), basic.PerDecisionImportanceSampling(),
                  basic.DoublyRobust(), basic.SelfNormalizedDR()]

    phases = []
    start = time.perf_counter()
    cpu_start = time.process_time()

    t = time.perf_counter()
    header = pd.read_csv(args.csv, nrows=0).columns
    pi_columns = [c for c in header if c.startswith(args.policy_prefix)]
    q_columns = [f"{args.q_prefix}{a}" for a in range(len(pi_columns))]
    dtypes = {"step": np.int64, "action": np.int64, "reward": np.float64, "pscore": np.float64}
    dtypes.update({c: np.float64 for c in pi_columns + q_columns})
    frame = pd.read_csv(args.csv, usecols=list(dtypes), dtype=dtypes)
    step = frame["step"].to_numpy()
    action = frame["action"].to_numpy()
    reward = frame["reward"].to_numpy()
    pscore = frame["pscore"].to_numpy()
    policy = frame[pi_columns].to_numpy()
    q_hat = frame[q_columns].to_numpy()
    del frame
    horizon = int(step.max()) + 1
    if step.shape[0] % horizon or not np.array_equal(
            step.reshape(-1, horizon), np.broadcast_to(np.arange(horizon), (step.shape[0] // horizon, horizon))):
        raise SystemExit(f"{args.csv}: SCOPE-RL needs every episode to have steps 0..{horizon - 1} in order")
    phases.append(("read_csv and arrays", time.perf_counter() - t))

    inputs = dict(step_per_trajectory=horizon, action=action, reward=reward, pscore=pscore,
                  evaluation_policy_action_dist=policy, state_action_value_prediction=q_hat,
                  gamma=args.gamma)
    print(f"episodes {step.shape[0] // horizon}, steps {horizon}, actions {len(pi_columns)}")
    for estimator in estimators:
        t = time.perf_counter()
        value = estimator.estimate_policy_value(**inputs)
        interval = estimator.estimate_interval(**inputs, ci="bootstrap",
                                               n_bootstrap_samples=args.n_bootstrap,
                                               random_state=args.seed)
        phases.append((estimator.estimator_name, time.perf_counter() - t))
        print(f"{estimator.estimator_name:5s} value {float(value)!r}"
              f" bootstrap mean {float(interval['mean'])!r}"
              f" 95% [{float(interval['95.0% CI (lower)'])!r}, {float(interval['95.0% CI (upper)'])!r}]")

    for name, seconds in phases:
        print(f"  {name}: {seconds:.2f} s")
    print(f"total {time.perf_counter() - start:.2f} s wall, {time.process_time() - cpu_start:.2f} s CPU")


if __name__ == "__main__":
    main(sys.argv[1:])
