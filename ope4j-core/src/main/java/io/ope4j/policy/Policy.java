package io.ope4j.policy;

/**
 * An evaluation policy: the probability of each action given a context (and, for ranking
 * interfaces, the position of the slot). Implementations are immutable and thread-safe; the
 * batch method lets them compute many rows without per-row objects.
 */
public interface Policy {

  /** Number of actions K. */
  int nActions();

  /**
   * Writes {@code pi(a | x_i, p_i)} for rows {@code i} in {@code [0, rows)}.
   *
   * @param contexts row-major context features, {@code contexts[i * dim + j]}; not modified
   * @param dim number of context features (may be 0 for context-free policies)
   * @param positions slot of each row, or null when the log has no positions; not modified
   * @param rows number of rows
   * @param out receives {@code out[i * nActions() + a]}, each row summing to 1; modified
   */
  void probabilities(double[] contexts, int dim, int[] positions, int rows, double[] out);
}
