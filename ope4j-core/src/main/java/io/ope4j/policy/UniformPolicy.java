package io.ope4j.policy;

import java.util.Arrays;

/** The uniform random policy: {@code pi(a | x) = 1 / K} for every context and position. */
public final class UniformPolicy implements Policy {

  private final int nActions;

  private UniformPolicy(int nActions) {
    this.nActions = nActions;
  }

  /** @throws IllegalArgumentException if {@code nActions < 1} */
  public static UniformPolicy of(int nActions) {
    if (nActions < 1) {
      throw new IllegalArgumentException("the uniform policy needs at least one action, got " + nActions);
    }
    return new UniformPolicy(nActions);
  }

  @Override
  public int nActions() {
    return nActions;
  }

  @Override
  public void probabilities(double[] contexts, int dim, int[] positions, int rows, double[] out) {
    // The uniform random logging policy of the Open Bandit Dataset (Saito et al. 2021, sec. 3).
    Arrays.fill(out, 0, rows * nActions, 1.0 / nActions);
  }

  @Override
  public String toString() {
    return "uniform(K=" + nActions + ")";
  }
}
