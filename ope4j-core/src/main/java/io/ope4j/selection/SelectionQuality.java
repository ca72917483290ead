package io.ope4j.selection;

import java.util.Arrays;

/**
 * How good one estimator's estimates of a set of candidates are, judged against their known true
 * values: accuracy (MSE, relative error), ranking (rank correlations, regret@k), safety (type I
 * and II error rates) and the risk-return of its top-k portfolios ({@link TopKCurve}, with
 * SharpeRatio@k). Definitions are in {@link SelectionMetrics} and {@link TopKCurve}.
 *
 * @param meanSquaredError {@link SelectionMetrics#meanSquaredError}
 * @param relativeEstimationError {@link SelectionMetrics#relativeEstimationError}
 * @param rankCorrelation Spearman's rho with average ranks ({@link SelectionMetrics#spearman});
 *     SCOPE-RL's tie-broken variant in the SCOPE-RL modes
 * @param kendallTau {@link SelectionMetrics#kendallTau}
 * @param regret regret@k for k = 1 .. maxK at index k - 1 ({@link SelectionMetrics#regret};
 *     {@link SelectionMetrics#regretSumOfTopK} in the SCOPE-RL modes)
 * @param typeIErrorRate {@link SelectionMetrics#typeIErrorRate}
 * @param typeIIErrorRate {@link SelectionMetrics#typeIIErrorRate}
 * @param ranking the estimator's order of the candidates, best first, that the top k are taken
 *     from
 * @param topK the top-k portfolio statistics and SharpeRatio@k
 */
public record SelectionQuality(
    double meanSquaredError,
    double relativeEstimationError,
    double rankCorrelation,
    double kendallTau,
    double[] regret,
    double typeIErrorRate,
    double typeIIErrorRate,
    int[] ranking,
    TopKCurve topK) {

  public SelectionQuality {
    regret = regret.clone();
    ranking = ranking.clone();
  }

  /** Judges {@code estimates} for every budget k up to the number of candidates. */
  public static SelectionQuality of(
      KnownValues known, double[] estimates, TieBreak ties, ScopeRlCompatibility compatibility) {
    return of(known, estimates, known.size(), ties, compatibility);
  }

  /**
   * Judges {@code estimates}, one per candidate of {@code known} in its order.
   *
   * @param estimates not modified
   * @param maxK the largest budget k of regret@k and the top-k curve, in {@code [1, N]}
   * @param ties how tied estimates are ordered; the SCOPE-RL modes ignore it and break ties as
   *     SCOPE-RL does
   * @throws IllegalArgumentException if the number of estimates differs from the number of
   *     candidates, an estimate is NaN or infinite (naming the candidate), or {@code maxK} is out
   *     of range
   */
  public static SelectionQuality of(KnownValues known, double[] estimates, int maxK, TieBreak ties,
      ScopeRlCompatibility compatibility) {
    return of(known, estimates, estimates, maxK, ties, compatibility);
  }

  /**
   * Judges a selection that ranks the candidates by {@code scores} rather than by the point
   * estimates, e.g. by the lower ends of their intervals: the accuracy metrics (MSE, relative
   * error) are computed from {@code estimates}; everything about the decision (rank
   * correlations, regret@k, type I/II error rates, the top-k curve) from {@code scores}.
   *
   * @param estimates point estimates, finite; not modified
   * @param scores what the candidates are ranked by, not NaN (infinite values rank first or
   *     last); not modified
   * @throws IllegalArgumentException as {@link #of(KnownValues, double[], int, TieBreak,
   *     ScopeRlCompatibility)}, or if a score is NaN
   */
  public static SelectionQuality of(KnownValues known, double[] estimates, double[] scores, int maxK,
      TieBreak ties, ScopeRlCompatibility compatibility) {
    checkEstimates(known, estimates, "estimate");
    checkEstimates(known, scores, "score");
    if (maxK < 1 || maxK > known.size()) {
      throw new IllegalArgumentException("k must be between 1 and the number of candidates ("
          + known.size() + "), got " + maxK);
    }
    double[] truth = known.trueValues();
    boolean scopeRl = compatibility.followsScopeRlCode();
    int[] ranking = Ranking.descending(scores, scopeRl ? TieBreak.LAST_LISTED : ties);
    double[] regret = new double[maxK];
    // SCOPE-RL computes regret from the ranking of select_by_policy_value, which differs from
    // the top-k ranking only in how tied estimates are ordered.
    int[] regretRanking = scopeRl ? SelectionMetrics.scopeRlSelectionRanking(truth, scores) : ranking;
    for (int k = 1; k <= maxK; k++) {
      regret[k - 1] = scopeRl
          ? SelectionMetrics.regretSumOfTopK(truth, regretRanking, k)
          : SelectionMetrics.regret(truth, ranking, k);
    }
    return new SelectionQuality(
        SelectionMetrics.meanSquaredError(truth, estimates),
        SelectionMetrics.relativeEstimationError(truth, estimates),
        scopeRl ? SelectionMetrics.scopeRlRankCorrelation(truth, scores) : SelectionMetrics.spearman(truth, scores),
        SelectionMetrics.kendallTau(truth, scores),
        regret,
        SelectionMetrics.typeIErrorRate(truth, scores, known.safetyThreshold()),
        SelectionMetrics.typeIIErrorRate(truth, scores, known.safetyThreshold()),
        ranking,
        TopKCurve.of(truth, ranking, known.behaviourValue(), known.safetyThreshold(), maxK, compatibility));
  }

  private static void checkEstimates(KnownValues known, double[] values, String what) {
    if (values.length != known.size()) {
      throw new IllegalArgumentException(values.length + " " + what + "s for " + known.size()
          + " candidates " + known.candidates());
    }
    for (int i = 0; i < values.length; i++) {
      boolean bad = what.equals("score") ? Double.isNaN(values[i]) : !Double.isFinite(values[i]);
      if (bad) {
        throw new io.ope4j.data.UsageException("the " + what + " of candidate " + known.candidates().get(i)
            + " is " + values[i] + "; selection needs a " + (what.equals("score") ? "non-NaN" : "finite")
            + " " + what + " of every candidate");
      }
    }
  }

  /** regret@k, for k in {@code [1, maxK]}. */
  public double regretAt(int k) {
    return regret[k - 1];
  }

  @Override
  public double[] regret() {
    return regret.clone();
  }

  @Override
  public int[] ranking() {
    return ranking.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SelectionQuality other
        && Double.compare(meanSquaredError, other.meanSquaredError) == 0
        && Double.compare(relativeEstimationError, other.relativeEstimationError) == 0
        && Double.compare(rankCorrelation, other.rankCorrelation) == 0
        && Double.compare(kendallTau, other.kendallTau) == 0
        && Arrays.equals(regret, other.regret)
        && Double.compare(typeIErrorRate, other.typeIErrorRate) == 0
        && Double.compare(typeIIErrorRate, other.typeIIErrorRate) == 0
        && Arrays.equals(ranking, other.ranking)
        && topK.equals(other.topK);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(meanSquaredError) * 31 + topK.hashCode();
  }

  @Override
  public String toString() {
    return "SelectionQuality[mse=" + meanSquaredError + ", relativeError=" + relativeEstimationError
        + ", rankCorrelation=" + rankCorrelation + ", kendallTau=" + kendallTau + ", regret="
        + Arrays.toString(regret) + ", typeI=" + typeIErrorRate + ", typeII=" + typeIIErrorRate
        + ", topK=" + topK + "]";
  }
}
