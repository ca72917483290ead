"""MIPS at 10^7 rows the way Open Bandit Pipeline 0.5.5 computes it with a known p(e|a).

A numpy re-implementation (not OBP itself) of the arithmetic of
obp/ope/estimators_embed.py MarginalizedInverseProbabilityWeighting._estimate_round_rewards with
p_e_a given: per embedding dimension, the (n x K) @ (K x C) products of the behaviour and
evaluation policies with p(e_d | a), the logged category picked from each, the products over
dimensions, their ratio, then mean(r * w). OBP's input checks (check_array, check_ope_inputs)
are left out, so OBP itself takes longer. Same shape as MipsBenchmarkMain: K = 16, D = 3, C = 5.
Reports wall and process CPU time (all BLAS threads), the latter steadier on a shared machine.

Run: python3 ope4j-bench/scripts/obp_mips_bench.py [ROWS=10000000] [ROUNDS=3]
"""
import sys
import time

import numpy as np


def softmax_rows(logits):
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def mipw(reward, action_embed, pi_b, pi_e, p_e_a):
    n = reward.shape[0]
    rows = np.arange(n)
    num = np.ones(n)
    den = np.ones(n)
    for d in range(p_e_a.shape[-1]):
        den *= (pi_b @ p_e_a[:, :, d])[rows, action_embed[:, d]]
        num *= (pi_e @ p_e_a[:, :, d])[rows, action_embed[:, d]]
    return (reward * (num / den)).mean()


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    k, dims, cats = 16, 3, 5
    rng = np.random.default_rng(12345)
    p_e_a = softmax_rows(rng.normal(size=(k * dims, cats)) / 0.5).reshape(k, dims, cats).transpose(0, 2, 1).copy()
    pi_b = softmax_rows(rng.normal(size=(n, k)))
    pi_e = softmax_rows(3 * rng.normal(size=(n, k)))
    action_embed = rng.integers(0, cats, size=(n, dims))
    reward = rng.integers(0, 2, size=n).astype(float)
    best = float("inf")
    best_cpu = float("inf")
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        value = mipw(reward, action_embed, pi_b, pi_e, p_e_a)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(f"numpy OBP-style MIPW {n:,} rows: best {best:.3f} s wall, {best_cpu:.3f} s CPU"
          f" ({n / best_cpu / 1e6:.1f} M rows per CPU-second), estimate {value:.6f}")


if __name__ == "__main__":
    main()
