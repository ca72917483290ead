package io.ope4j.selection;

/**
 * Accuracy and selection metrics of one estimator's estimates of a set of candidate policies
 * whose true values are known: pure functions over plain arrays, one value per candidate in the
 * same order. Arrays are never modified. Values must not be NaN (checked by {@link
 * SelectionQuality}, not here); lengths must agree and be at least 1.
 *
 * <p>References: Kiyohara et al. 2023 (arXiv:2311.18207, the SCOPE-RL paper) and SCOPE-RL's
 * documentation for the selection metrics, Open Bandit Pipeline (Saito et al. 2021) for the
 * relative estimation error, Spearman 1904 and Kendall 1945 for the rank correlations.
 */
public final class SelectionMetrics {

  private SelectionMetrics() {}

  /**
   * Mean squared error {@code (1/N) sum (J - Jhat)^2} over the candidates (SCOPE-RL docs, "Mean
   * Squared Error", after Voloshin et al. 2021).
   */
  public static double meanSquaredError(double[] trueValues, double[] estimates) {
    checkLengths(trueValues, estimates);
    double sum = 0.0;
    for (int i = 0; i < trueValues.length; i++) {
      double error = estimates[i] - trueValues[i];
      sum += error * error;
    }
    return sum / trueValues.length;
  }

  /**
   * Mean relative estimation error {@code (1/N) sum |Jhat - J| / |J|} (Open Bandit Pipeline's
   * {@code relative-ee}, Saito et al. 2021). Infinite or NaN when a true value is 0.
   */
  public static double relativeEstimationError(double[] trueValues, double[] estimates) {
    checkLengths(trueValues, estimates);
    double sum = 0.0;
    for (int i = 0; i < trueValues.length; i++) {
      sum += Math.abs(estimates[i] - trueValues[i]) / Math.abs(trueValues[i]);
    }
    return sum / trueValues.length;
  }

  /**
   * Spearman's rank correlation: Pearson's correlation of the average ranks (Spearman 1904; ties
   * share their average rank, as in {@code scipy.stats.spearmanr}). NaN when either side has all
   * values equal.
   */
  public static double spearman(double[] trueValues, double[] estimates) {
    checkLengths(trueValues, estimates);
    double[] a = Ranking.averageRanks(trueValues);
    double[] b = Ranking.averageRanks(estimates);
    double mean = (a.length + 1) / 2.0;
    double cross = 0.0;
    double squaresA = 0.0;
    double squaresB = 0.0;
    for (int i = 0; i < a.length; i++) {
      double da = a[i] - mean;
      double db = b[i] - mean;
      cross += da * db;
      squaresA += da * da;
      squaresB += db * db;
    }
    return cross / Math.sqrt(squaresA * squaresB);
  }

  /**
   * Kendall's tau-b, {@code (C - D) / sqrt((P - T_true) (P - T_est))} over the {@code P = N(N-1)/2}
   * pairs, with C concordant and D discordant pairs and T the pairs tied on each side (Kendall
   * 1945; {@code scipy.stats.kendalltau}'s default). NaN when either side has all values equal.
   * Takes O(N^2) time.
   */
  public static double kendallTau(double[] trueValues, double[] estimates) {
    checkLengths(trueValues, estimates);
    int n = trueValues.length;
    long concordant = 0;
    long discordant = 0;
    long tiedTrue = 0;
    long tiedEstimate = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int signTrue = sign(trueValues[i] - trueValues[j]);
        int signEstimate = sign(estimates[i] - estimates[j]);
        tiedTrue += signTrue == 0 ? 1 : 0;
        tiedEstimate += signEstimate == 0 ? 1 : 0;
        int product = signTrue * signEstimate;
        concordant += product > 0 ? 1 : 0;
        discordant += product < 0 ? 1 : 0;
      }
    }
    double pairs = n * (n - 1.0) / 2.0;
    return (concordant - discordant) / Math.sqrt((pairs - tiedTrue) * (pairs - tiedEstimate));
  }

  /**
   * Regret@k: the best true value minus the best true value among the estimator's top k, {@code
   * max_pi J(pi) - max_{pi in top k} J(pi)} (Kiyohara et al. 2023; SCOPE-RL docs,
   * "Regret@k": "how well the best policy among the top-k policies selected by an estimator
   * performs"; after Doroudi et al. 2017).
   *
   * @param ranking the estimator's order of the candidates, best first (see {@link Ranking})
   * @param k in {@code [1, N]}
   */
  public static double regret(double[] trueValues, int[] ranking, int k) {
    checkK(trueValues.length, ranking, k);
    double best = Double.NEGATIVE_INFINITY;
    for (double value : trueValues) {
      best = Math.max(best, value);
    }
    double bestChosen = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      bestChosen = Math.max(bestChosen, trueValues[ranking[i]]);
    }
    return best - bestChosen;
  }

  /**
   * SCOPE-RL's coded regret@k: the sum of the k largest true values minus the sum of the true
   * values of the estimator's top k (SCOPE-RL {@code ops.py}, b1c9e9f; equals {@link #regret} at k
   * = 1). For comparison with SCOPE-RL only.
   */
  public static double regretSumOfTopK(double[] trueValues, int[] ranking, int k) {
    checkK(trueValues.length, ranking, k);
    int[] trueOrder = Ranking.descending(trueValues, TieBreak.LAST_LISTED);
    double best = 0.0;
    double chosen = 0.0;
    for (int i = 0; i < k; i++) {
      best += trueValues[trueOrder[i]];
      chosen += trueValues[ranking[i]];
    }
    return best - chosen;
  }

  /**
   * Type I error rate against a safety threshold: the share of safe candidates ({@code J >=
   * threshold}) that the estimate calls unsafe ({@code Jhat < threshold}); 0 when no candidate is
   * safe (SCOPE-RL {@code OffPolicySelection}: "a policy whose policy value is below the given
   * threshold is to be considered unsafe"). NaN when the threshold is NaN.
   */
  public static double typeIErrorRate(double[] trueValues, double[] estimates, double threshold) {
    checkLengths(trueValues, estimates);
    if (Double.isNaN(threshold)) {
      return Double.NaN;
    }
    int safe = 0;
    int rejected = 0;
    for (int i = 0; i < trueValues.length; i++) {
      if (trueValues[i] >= threshold) {
        safe++;
        rejected += estimates[i] < threshold ? 1 : 0;
      }
    }
    return safe == 0 ? 0.0 : rejected / (double) safe;
  }

  /**
   * Type II error rate against a safety threshold: the share of unsafe candidates ({@code J <
   * threshold}) that the estimate calls safe ({@code Jhat >= threshold}); 0 when every candidate
   * is safe (SCOPE-RL {@code OffPolicySelection}, as for {@link #typeIErrorRate}). NaN when the
   * threshold is NaN.
   */
  public static double typeIIErrorRate(double[] trueValues, double[] estimates, double threshold) {
    checkLengths(trueValues, estimates);
    if (Double.isNaN(threshold)) {
      return Double.NaN;
    }
    int unsafe = 0;
    int accepted = 0;
    for (int i = 0; i < trueValues.length; i++) {
      if (trueValues[i] < threshold) {
        unsafe++;
        accepted += estimates[i] >= threshold ? 1 : 0;
      }
    }
    return unsafe == 0 ? 0.0 : accepted / (double) unsafe;
  }

  /**
   * SCOPE-RL's coded rank correlation: the candidates are put in true-value order (descending,
   * ties to the later listed), the estimates ranked within that order the same way, and
   * Spearman's rho taken between the two tie-free rankings, {@code 1 - 6 sum d^2 / (N (N^2 - 1))}
   * (SCOPE-RL {@code ops.py}, b1c9e9f, {@code spearmanr(arange(N), ranking)}). For comparison with
   * SCOPE-RL only: {@link #spearman} averages ties instead.
   */
  public static double scopeRlRankCorrelation(double[] trueValues, double[] estimates) {
    checkLengths(trueValues, estimates);
    int n = trueValues.length;
    int[] withinTrueOrder = scopeRlEstimateOrder(trueValues, estimates, false);
    double squares = 0.0;
    for (int i = 0; i < n; i++) {
      double d = i - withinTrueOrder[i];
      squares += d * d;
    }
    return 1.0 - 6.0 * squares / (n * ((double) n * n - 1.0));
  }

  /**
   * The estimator's ranking as SCOPE-RL's {@code select_by_policy_value} computes it with metrics:
   * ranked after the candidates were put in true-value order, so tied estimates go to the
   * candidate with the lower true value. Indices into the caller's arrays.
   */
  static int[] scopeRlSelectionRanking(double[] trueValues, double[] estimates) {
    return scopeRlEstimateOrder(trueValues, estimates, true);
  }

  private static int[] scopeRlEstimateOrder(double[] trueValues, double[] estimates, boolean original) {
    int n = trueValues.length;
    int[] trueOrder = Ranking.descending(trueValues, TieBreak.LAST_LISTED);
    double[] reordered = new double[n];
    for (int i = 0; i < n; i++) {
      reordered[i] = estimates[trueOrder[i]];
    }
    int[] order = Ranking.descending(reordered, TieBreak.LAST_LISTED);
    if (original) {
      for (int i = 0; i < n; i++) {
        order[i] = trueOrder[order[i]];
      }
    }
    return order;
  }

  private static int sign(double difference) {
    return difference > 0 ? 1 : difference < 0 ? -1 : 0;
  }

  private static void checkLengths(double[] trueValues, double[] estimates) {
    if (trueValues.length != estimates.length || trueValues.length == 0) {
      throw new IllegalArgumentException("need one estimate per true value, at least one; got "
          + trueValues.length + " true values and " + estimates.length + " estimates");
    }
  }

  static void checkK(int candidates, int[] ranking, int k) {
    if (ranking.length != candidates) {
      throw new IllegalArgumentException(
          "the ranking has " + ranking.length + " entries for " + candidates + " candidates");
    }
    if (k < 1 || k > candidates) {
      throw new IllegalArgumentException(
          "k must be between 1 and the number of candidates (" + candidates + "), got " + k);
    }
  }
}
