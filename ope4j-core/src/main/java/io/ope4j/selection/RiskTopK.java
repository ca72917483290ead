package io.ope4j.selection;

import java.util.Arrays;

/**
 * The top-k metrics of a selection by a risk function (SCOPE-RL's {@code
 * obtain_topk_conditional_value_at_risk_selected_by_cumulative_distribution_ope} and its
 * lower-quartile twin; Kiyohara et al. 2023): the candidates ranked by their estimated CVaR (or
 * lower quantile) and judged by their true one, with the behaviour policy's true CVaR (or lower
 * quantile) as SharpeRatio@k's baseline. The true risk functions come from on-policy returns.
 */
public final class RiskTopK {

  private RiskTopK() {}

  /**
   * The CVaR of a sample of returns: the mean of the lowest {@code floor(N alpha)} returns, as
   * SCOPE-RL computes the truth (NaN when that is none), or with the documented definition the
   * lower-tail mean {@code (1/alpha) (sum of the lowest floor(N alpha) + (N alpha - floor) times
   * the next) / N} (Acerbi &amp; Tasche 2002, eq. 3.5), which every alpha > 0 defines.
   */
  public static double trueCvar(double[] returns, double alpha, ScopeRlCompatibility compatibility) {
    double[] sorted = returns.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    int whole = (int) Math.floor(n * alpha);
    double sum = 0.0;
    for (int i = 0; i < whole; i++) {
      sum += sorted[i];
    }
    if (compatibility.followsScopeRlCode()) {
      return sum / whole;
    }
    double part = n * alpha - whole;
    if (part > 0 && whole < n) {
      sum += part * sorted[whole];
    }
    return sum / (n * alpha);
  }

  /** The alpha quantile of a sample, numpy's default linear interpolation (SCOPE-RL's truth). */
  public static double trueLowerQuantile(double[] returns, double alpha) {
    double[] sorted = returns.clone();
    Arrays.sort(sorted);
    return io.ope4j.interval.Intervals.percentile(sorted, alpha);
  }

  /**
   * The top-k curve of the ranking by {@code estimatedRisk}, judged by {@code trueRisk}, against
   * the behaviour policy's true risk (also the safety threshold).
   *
   * @param trueRisk per candidate, its true CVaR or lower quantile
   * @param estimatedRisk per candidate, the estimate of the same
   */
  public static TopKCurve curve(double[] trueRisk, double[] estimatedRisk, double behaviourRisk,
      int maxK, TieBreak ties, ScopeRlCompatibility compatibility) {
    TieBreak order = compatibility.followsScopeRlCode() ? TieBreak.LAST_LISTED : ties;
    int[] ranking = Ranking.descending(estimatedRisk, order);
    return TopKCurve.of(trueRisk, ranking, behaviourRisk, behaviourRisk, maxK, compatibility);
  }
}
