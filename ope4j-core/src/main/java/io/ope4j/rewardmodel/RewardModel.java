package io.ope4j.rewardmodel;

/** A fitted reward model {@code q(x, a, p)}: the expected reward of each action in a context. */
public interface RewardModel {

  /** Number of actions K. */
  int nActions();

  /**
   * Writes {@code q(x_i, a, p_i)} for rows {@code i} in {@code [0, rows)} and every action.
   *
   * @param contexts row-major context features; not modified
   * @param dim number of context features
   * @param positions slot of each row, or null; not modified
   * @param rows number of rows
   * @param out receives {@code out[i * nActions() + a]}; modified
   */
  void predict(double[] contexts, int dim, int[] positions, int rows, double[] out);
}
