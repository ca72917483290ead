package io.ope4j.internal.data;

/**
 * Reduction of wide per-action columns to the narrow values estimators use.
 *
 * <p>Not part of the public API: an implementation detail shared by the ope4j modules.
 */
public final class WideForm {

  private WideForm() {}

  /**
   * The reward model's value under the policy, {@code sum_a pi(a) q(a) / sum_a pi(a)}.
   *
   * <p>Open Bandit Pipeline 0.5.5 computes it as {@code np.average(q, weights=pi)}, dividing by
   * the probability sum (1 up to rounding); we do the same so that DM-family estimates match it.
   *
   * @param pi probabilities, {@code nActions} values from {@code piOffset}; not modified
   * @param q model predictions, {@code nActions} values from {@code qOffset}; not modified
   */
  public static double expectedModelValue(
      double[] pi, int piOffset, double[] q, int qOffset, int nActions) {
    double weighted = 0.0;
    double total = 0.0;
    for (int a = 0; a < nActions; a++) {
      double p = pi[piOffset + a];
      weighted += p * q[qOffset + a];
      total += p;
    }
    return weighted / total;
  }
}
