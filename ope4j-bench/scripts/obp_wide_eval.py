#!/usr/bin/env python3
"""Open Bandit Pipeline 0.5.5 itself on a wide log written by ``ope4j simulate``: IPW, SNIPW, DR.

The peer side of BENCHMARKS.md, "End-to-end against Open Bandit Pipeline on wide logs". Reads the
CSV with pandas ``read_csv`` (the columns OBP needs: action, reward, pscore, pi_<policy>_<a>,
q_<a>; the x_* context columns are skipped as OBP's estimators do not use them), builds OBP's
``bandit_feedback`` dict, the (n, K, 1) ``action_dist`` and reward-model arrays, then calls
``OffPolicyEvaluation(ope_estimators=[IPW, SNIPW, DR])``'s ``estimate_policy_values`` and
``estimate_intervals`` (``n_bootstrap_samples`` resamples, alpha 0.05). Prints the estimates,
the intervals and the wall time of each phase on stdout; interpreter start and imports are
reported separately (the script's own /usr/bin/time figures include them).

OBP is run from its source tree (argument 2: a folder holding OBP's ``obp/`` package, st-tech/
zr-obp commit 8cbd5fa, its .py files and ``obp/policy/conf/prior_bts.yaml``). OBP's package
imports torch at load time for its neural learners only; its estimators never call it. Unless
a real torch is importable, this script puts an import-only stand-in ``torch`` module (with the
few names OBP touches while importing: ``torch.nn``, ``torch.nn.functional.mse_loss``,
``torch.optim``, ``torch.utils.data.Dataset``, ``torch.Tensor``) into ``sys.modules`` before
importing OBP; any real use of it would fail loudly. Needs numpy, pandas, scipy, scikit-learn,
tqdm, pyyaml, matplotlib and seaborn (OBP's imports).

    python obp_wide_eval.py WIDE.csv OBP_SRC_DIR [--policy softmax] [--n-bootstrap 100]
"""

import argparse
import sys
import time
import types

import_start = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def install_torch_stand_in():
    """An import-only ``torch``: OBP's estimators import it but never use it."""
    try:
        import torch  # noqa: F401

        return False
    except ImportError:
        pass

    class Unavailable:
        def __init__(self, *args, **kwargs):
            raise RuntimeError("torch stand-in: OBP's neural learners need a real torch")

    torch = types.ModuleType("torch")
    nn = types.ModuleType("torch.nn")
    functional = types.ModuleType("torch.nn.functional")
    optim = types.ModuleType("torch.optim")
    utils = types.ModuleType("torch.utils")
    data = types.ModuleType("torch.utils.data")
    nn.Module = Unavailable
    nn.functional = functional
    functional.mse_loss = Unavailable
    data.Dataset = Unavailable
    data.DataLoader = Unavailable
    utils.data = data
    torch.nn, torch.optim, torch.utils = nn, optim, utils
    torch.Tensor = Unavailable
    torch.tensor = Unavailable
    for name, module in [("torch", torch), ("torch.nn", nn), ("torch.nn.functional", functional),
                         ("torch.optim", optim), ("torch.utils", utils), ("torch.utils.data", data)]:
        sys.modules[name] = module
    return True


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", help="wide CSV from `ope4j simulate`")
    parser.add_argument("obp_dir", help="folder holding OBP's obp/ package")
    parser.add_argument("--policy", default="softmax", help="the pi_<policy>_<a> columns to evaluate")
    parser.add_argument("--n-bootstrap", type=int, default=100, help="bootstrap resamples (OBP's n_bootstrap_samples)")
    parser.add_argument("--seed", type=int, default=12345, help="OBP's random_state")
    args = parser.parse_args(argv)

    stand_in = install_torch_stand_in()
    sys.path.insert(0, args.obp_dir)
    from obp.ope import DoublyRobust, InverseProbabilityWeighting, OffPolicyEvaluation
    from obp.ope import SelfNormalizedInverseProbabilityWeighting
    import obp

    imports = time.perf_counter() - import_start
    print(f"OBP {obp.__version__} from {args.obp_dir}" + (" (torch stand-in)" if stand_in else ""))
    print(f"imports {imports:.3f} s")

    start, cpu_start = time.perf_counter(), time.process_time()
    header = pd.read_csv(args.csv, nrows=0).columns
    pi_columns = sorted((c for c in header if c.startswith(f"pi_{args.policy}_")),
                        key=lambda c: int(c.rsplit("_", 1)[1]))
    q_columns = sorted((c for c in header if c.startswith("q_") and c[2:].isdigit()),
                       key=lambda c: int(c[2:]))
    if not pi_columns or len(pi_columns) != len(q_columns):
        print(f"{args.csv}: needs pi_{args.policy}_<a> and q_<a> for every action", file=sys.stderr)
        return 2
    t = time.perf_counter()
    frame = pd.read_csv(args.csv, usecols=["action", "reward", "pscore"] + pi_columns + q_columns)
    read = time.perf_counter() - t

    t = time.perf_counter()
    n, actions = len(frame), len(pi_columns)
    bandit_feedback = dict(
        n_rounds=n,
        n_actions=actions,
        action=frame["action"].to_numpy(dtype=np.int64),
        reward=frame["reward"].to_numpy(dtype=np.float64),
        pscore=frame["pscore"].to_numpy(dtype=np.float64),
        position=None,
        context=None,  # a key OBP checks for; IPW, SNIPW and DR never read it
    )
    action_dist = frame[pi_columns].to_numpy(dtype=np.float64).reshape(n, actions, 1)
    q_hat = frame[q_columns].to_numpy(dtype=np.float64).reshape(n, actions, 1)
    del frame
    arrays = time.perf_counter() - t

    ope = OffPolicyEvaluation(
        bandit_feedback=bandit_feedback,
        ope_estimators=[InverseProbabilityWeighting(), SelfNormalizedInverseProbabilityWeighting(),
                        DoublyRobust()],
    )
    t = time.perf_counter()
    values = ope.estimate_policy_values(action_dist=action_dist, estimated_rewards_by_reg_model=q_hat)
    point = time.perf_counter() - t
    t = time.perf_counter()
    intervals = ope.estimate_intervals(action_dist=action_dist, estimated_rewards_by_reg_model=q_hat,
                                       n_bootstrap_samples=args.n_bootstrap, random_state=args.seed)
    bootstrap = time.perf_counter() - t
    total, cpu = time.perf_counter() - start, time.process_time() - cpu_start

    for name, value in values.items():
        interval = intervals[name]
        print(f"{name}: {value:.6f} [{interval['95.0% CI (lower)']:.6f}, {interval['95.0% CI (upper)']:.6f}]")
    print(f"rows {n}, actions {actions}: read_csv {read:.3f} s, arrays {arrays:.3f} s,"
          f" estimate_policy_values {point:.3f} s, estimate_intervals (B={args.n_bootstrap}) {bootstrap:.3f} s;"
          f" total {total:.3f} s wall, {cpu:.3f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
