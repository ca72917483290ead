package io.ope4j.model;

import io.ope4j.policy.Policy;

/** Evaluates a {@link Policy} over an in-memory log in batches, without per-row allocation. */
final class PolicyColumns {

  static final int BATCH_ROWS = 4096;

  private PolicyColumns() {}

  /** {@code pi(a_i | x_i, p_i)} for every row. */
  static double[] loggedProbabilities(Policy policy, double[] contexts, int dim, int[] positions, int[] actions) {
    int k = policy.nActions();
    int n = actions.length;
    double[] result = new double[n];
    double[] contextBuffer = new double[BATCH_ROWS * dim];
    int[] positionBuffer = positions == null ? null : new int[BATCH_ROWS];
    double[] pi = new double[BATCH_ROWS * k];
    for (int from = 0; from < n; from += BATCH_ROWS) {
      int rows = Math.min(BATCH_ROWS, n - from);
      System.arraycopy(contexts, from * dim, contextBuffer, 0, rows * dim);
      if (positions != null) {
        System.arraycopy(positions, from, positionBuffer, 0, rows);
      }
      policy.probabilities(contextBuffer, dim, positionBuffer, rows, pi);
      for (int i = 0; i < rows; i++) {
        int action = actions[from + i];
        if (action < 0 || action >= k) {
          throw new IllegalArgumentException("row " + (from + i + 1) + ": action " + action
              + " outside the policy's " + k + " actions");
        }
        result[from + i] = pi[i * k + action];
      }
    }
    return result;
  }
}
