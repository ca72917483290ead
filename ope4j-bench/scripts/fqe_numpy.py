#!/usr/bin/env python3
"""Fitted Q evaluation with linear (one-hot state x action) features in numpy: the peer of
ope4j's FqeBenchmark on the same trajectory log (written by `ope4j simulate --env tabular`).

Two versions of the same iteration, both in sample, from theta = 0, stopping when no
coefficient moves by more than 1e-13 of the largest:
  sums:  A, M, b accumulated once, then theta <- A^-1 (b + gamma M theta) (what ope4j does);
  refit: every iteration recomputes the targets y = r + gamma sum_a' pi(a'|s') Q(s', a') on
         every row and refits the ridge regression on them (Phi'y, then the same A^-1), as an
         FQE loop over a regressor does.
Prints the seconds of each phase, the value mean_episodes V(s_0), its error against the truth
and the peak resident memory.

usage: fqe_numpy.py LOG.csv TRUTH.json GAMMA POLICY [ALPHA]
"""
import json
import resource
import sys
import time

import numpy as np


def main():
    log, truth_file, gamma, policy = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    alpha = float(sys.argv[5]) if len(sys.argv) > 5 else 1e-6
    truth = json.load(open(truth_file))["policies"][policy]
    start = time.perf_counter()
    with open(log) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(log, delimiter=",", skiprows=1)
    read = time.perf_counter() - start
    col = {name: i for i, name in enumerate(header)}
    episode = data[:, col["episode"]].astype(np.int64)
    state = data[:, col["state"]].astype(np.int64)
    action = data[:, col["action"]].astype(np.int64)
    reward = data[:, col["reward"]]
    k = 1 + int(action.max())
    pi = data[:, [col["pi_%s_%d" % (policy, a)] for a in range(k)]]
    del data
    n_states = 1 + int(state.max())
    p = n_states * k
    steps = len(state)
    last = np.ones(steps, dtype=bool)
    last[:-1] = episode[1:] != episode[:-1]
    first = np.ones(steps, dtype=bool)
    first[1:] = episode[1:] != episode[:-1]
    print("read %d steps of %d episodes in %.2f s" % (steps, first.sum(), read))

    start, cpu = time.perf_counter(), time.process_time()
    feature = action * n_states + state          # the one nonzero of phi(s, a)
    cont = np.flatnonzero(~last)                   # steps with a successor
    nxt = cont + 1
    A = np.zeros((p, p))
    np.add.at(A, (feature, feature), 1.0)
    A[np.diag_indices(p)] += alpha
    b = np.bincount(feature, weights=reward, minlength=p)
    M = np.zeros((p, p))
    for a in range(k):                             # phi_pi(s') = sum_a' pi(a'|s') e_{a', s'}
        np.add.at(M, (feature[cont], a * n_states + state[nxt]), pi[nxt, a])
    inverse = np.linalg.inv(A)
    h = inverse @ b
    G = gamma * inverse @ M
    theta, iterations = iterate(lambda theta: h + G @ theta, p)
    sums = (time.perf_counter() - start, time.process_time() - cpu)
    report("sums", sums, iterations, value(theta, state, pi, first, n_states, k), truth)

    start, cpu = time.perf_counter(), time.process_time()
    def refit_step(theta):
        q = theta.reshape(k, n_states).T           # q[s, a]
        y = reward.copy()
        y[cont] += gamma * (pi[nxt] * q[state[nxt]]).sum(axis=1)
        return inverse @ np.bincount(feature, weights=y, minlength=p)

    theta, iterations = iterate(refit_step, p)
    refit = (time.perf_counter() - start, time.process_time() - cpu)
    report("refit", refit, iterations, value(theta, state, pi, first, n_states, k), truth)
    print("peak RSS %d MiB" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10))


def iterate(step, p):
    """theta <- step(theta) from 0 until no coefficient moves by more than 1e-13 of the largest."""
    theta = np.zeros(p)
    iterations = 0
    while True:
        iterations += 1
        updated = step(theta)
        moved = np.abs(updated - theta).max()
        theta = updated
        if moved <= 1e-13 * max(np.abs(theta).max(), 1e-300):
            return theta, iterations


def value(theta, state, pi, first, n_states, k):
    q = theta.reshape(k, n_states).T
    s0 = state[first]
    return float((pi[first] * q[s0]).sum(axis=1).mean())


def report(name, seconds, iterations, v, truth):
    print("numpy %-6s fit+dm %7.2f s wall %7.2f s CPU  (%d iterations)  dm %.6f  truth %.6f"
          "  error %+.6f" % (name, seconds[0], seconds[1], iterations, v, truth, v - truth))


if __name__ == "__main__":
    main()
