package io.ope4j.selection;

/**
 * Which definitions the selection-quality metrics follow. ope4j implements the definitions of
 * the paper (Kiyohara et al. 2023, "Towards Assessing and Benchmarking Risk-Return Tradeoff of
 * Off-Policy Evaluation", arXiv:2311.18207) and of SCOPE-RL's documentation ({@code
 * docs/documentation/sharpe_ratio.rst}); SCOPE-RL's code (commit {@code b1c9e9f}, 2023-11-30)
 * departs from them in places. The SCOPE-RL modes reproduce the code, for comparing numbers with
 * results computed by it; nothing else should need them.
 *
 * <table>
 *   <caption>Where the modes differ</caption>
 *   <tr><th>quantity</th><th>{@link #NONE} (documented)</th><th>SCOPE-RL code</th></tr>
 *   <tr><td>regret@k</td><td>{@code max J - max over the top k of J}</td>
 *       <td>sum of the k largest J minus the sum of J over the top k</td></tr>
 *   <tr><td>rank correlation</td><td>Spearman's rho with average ranks for ties</td>
 *       <td>Spearman's rho of rankings whose ties are broken by list order</td></tr>
 *   <tr><td>std@k</td><td>population (divisor k)</td><td>sample (divisor k - 1)</td></tr>
 *   <tr><td>SharpeRatio@k baseline</td><td>{@code V(pi_b)}</td>
 *       <td>{@code V(pi_b) + 1e-10}</td></tr>
 *   <tr><td>SharpeRatio@k when std@k = 0</td><td>NaN (undefined)</td>
 *       <td>+Infinity for a positive return, NaN for 0</td></tr>
 *   <tr><td>ties in the top k</td><td>as the caller's {@link TieBreak} says</td>
 *       <td>{@link TieBreak#LAST_LISTED}</td></tr>
 * </table>
 */
public enum ScopeRlCompatibility {
  /** The paper's and the documentation's definitions: ope4j's default. */
  NONE,
  /** SCOPE-RL's code with its default {@code clip_sharpe_ratio=False}. */
  SCOPE_RL,
  /**
   * SCOPE-RL's code with {@code clip_sharpe_ratio=True}: from k = 2 on, a NaN SharpeRatio@k
   * becomes 0, +Infinity becomes 100, and every value is clipped to [0, 100].
   */
  SCOPE_RL_CLIPPED_SHARPE;

  /** SCOPE-RL adds this to the behaviour policy's value before it is used as the baseline. */
  static final double SCOPE_RL_BASELINE_OFFSET = 1e-10;

  /** Upper clip of {@link #SCOPE_RL_CLIPPED_SHARPE}. */
  static final double SCOPE_RL_SHARPE_CLIP = 100.0;

  boolean followsScopeRlCode() {
    return this != NONE;
  }
}
