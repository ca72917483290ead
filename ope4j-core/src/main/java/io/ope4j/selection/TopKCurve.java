package io.ope4j.selection;

import java.util.Arrays;

/**
 * The policy portfolio an estimator forms for an online A/B test, for every budget k = 1 ..
 * {@link #maxK()}: statistics of the true values of the k candidates it ranks highest (Kiyohara
 * et al. 2023, arXiv:2311.18207; SCOPE-RL docs, {@code sharpe_ratio.rst}, "Evaluating the top-k
 * risk-return tradeoff in policy deployment"). Arrays are
 * indexed by {@code k - 1}; accessors return copies, {@code ...At(k)} methods read one value.
 *
 * @param kth true value of the candidate ranked k-th
 * @param best best@k, the largest true value among the top k
 * @param worst the smallest true value among the top k
 * @param mean the mean true value of the top k
 * @param std std@k, the standard deviation of the true values of the top k (population, divisor
 *     k; sample, divisor k - 1, in the SCOPE-RL modes)
 * @param safetyViolationRate the share of the top k whose true value is below the safety
 *     threshold
 * @param sharpeRatio SharpeRatio@k, {@code (best@k - V(pi_b))^+ / std@k}; NaN where std@k is 0
 *     (always at k = 1), see {@link ScopeRlCompatibility} for the SCOPE-RL modes
 */
public record TopKCurve(
    double[] kth,
    double[] best,
    double[] worst,
    double[] mean,
    double[] std,
    double[] safetyViolationRate,
    double[] sharpeRatio) {

  public TopKCurve {
    kth = kth.clone();
    best = best.clone();
    worst = worst.clone();
    mean = mean.clone();
    std = std.clone();
    safetyViolationRate = safetyViolationRate.clone();
    sharpeRatio = sharpeRatio.clone();
  }

  /**
   * The curve of an estimator's ranking.
   *
   * @param trueValues true value of each candidate; not modified
   * @param ranking the estimator's order of the candidates, best first; not modified
   * @param behaviourValue {@code V(pi_b)}, the risk-free baseline of SharpeRatio@k; NaN when
   *     unknown (SharpeRatio@k is then NaN)
   * @param safetyThreshold candidates with a true value below it violate safety; NaN when unknown
   *     (the violation rates are then NaN)
   * @param maxK the largest budget, in {@code [1, N]}
   * @throws IllegalArgumentException if {@code maxK} or the ranking's length is out of range
   */
  public static TopKCurve of(double[] trueValues, int[] ranking, double behaviourValue,
      double safetyThreshold, int maxK, ScopeRlCompatibility compatibility) {
    SelectionMetrics.checkK(trueValues.length, ranking, maxK);
    boolean scopeRl = compatibility.followsScopeRlCode();
    // SCOPE-RL code: behaviour baseline + 1e-10; documented: V(pi_b) (sharpe_ratio.rst).
    double baseline = scopeRl ? behaviourValue + ScopeRlCompatibility.SCOPE_RL_BASELINE_OFFSET : behaviourValue;
    double[] chosen = new double[maxK];
    double[] kth = new double[maxK];
    double[] best = new double[maxK];
    double[] worst = new double[maxK];
    double[] mean = new double[maxK];
    double[] std = new double[maxK];
    double[] violations = new double[maxK];
    double[] sharpe = new double[maxK];
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    double sum = 0.0;
    int unsafe = 0;
    for (int i = 0; i < maxK; i++) {
      int k = i + 1;
      double value = trueValues[ranking[i]];
      chosen[i] = value;
      high = Math.max(high, value);
      low = Math.min(low, value);
      sum += value;
      unsafe += value < safetyThreshold ? 1 : 0;
      kth[i] = value; // k-th: true value of the k-th ranked (SCOPE-RL topk "k-th")
      best[i] = high; // best@k = max over the top k of J (sharpe_ratio.rst)
      worst[i] = low; // worst@k = min over the top k of J (SCOPE-RL topk "worst")
      mean[i] = sum / k; // mean@k (SCOPE-RL topk "mean")
      // std@k, divisor k (sharpe_ratio.rst); divisor k - 1 in SCOPE-RL's code
      std[i] = standardDeviation(chosen, k, mean[i], scopeRl ? 1 : 0);
      // safety violation rate@k = #{J < threshold in the top k} / k (SCOPE-RL topk "safety_violation_rate")
      violations[i] = Double.isNaN(safetyThreshold) ? Double.NaN : unsafe / (double) k;
      sharpe[i] = sharpeRatio(high - baseline, std[i], k, compatibility);
    }
    return new TopKCurve(kth, best, worst, mean, std, violations, sharpe);
  }

  /** Two-pass standard deviation of {@code values[0, k)} with divisor {@code k - ddof}. */
  private static double standardDeviation(double[] values, int k, double mean, int ddof) {
    double squares = 0.0;
    for (int i = 0; i < k; i++) {
      double deviation = values[i] - mean;
      squares += deviation * deviation;
    }
    return Math.sqrt(squares / (k - ddof));
  }

  /**
   * SharpeRatio@k = (best@k - V(pi_b))^+ / std@k (Kiyohara et al. 2023; SCOPE-RL docs, {@code
   * sharpe_ratio.rst}; the positive part stands for the docs' "we include the behavior policy as
   * one of the candidate policies ... thus it is always non-negative").
   */
  private static double sharpeRatio(double excessReturn, double std, int k, ScopeRlCompatibility compatibility) {
    double gain = Math.max(excessReturn, 0.0);
    if (compatibility == ScopeRlCompatibility.NONE) {
      return std == 0.0 ? Double.NaN : gain / std;
    }
    double ratio = gain / std; // IEEE: +Infinity for gain/0, NaN for 0/0 and at k = 1
    if (compatibility == ScopeRlCompatibility.SCOPE_RL_CLIPPED_SHARPE && k >= 2) {
      double cap = ScopeRlCompatibility.SCOPE_RL_SHARPE_CLIP;
      ratio = Double.isNaN(ratio) ? 0.0 : Math.min(Math.max(ratio, 0.0), cap);
    }
    return ratio;
  }

  /** The largest budget k held. */
  public int maxK() {
    return best.length;
  }

  @Override
  public double[] kth() {
    return kth.clone();
  }

  @Override
  public double[] best() {
    return best.clone();
  }

  @Override
  public double[] worst() {
    return worst.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  @Override
  public double[] safetyViolationRate() {
    return safetyViolationRate.clone();
  }

  @Override
  public double[] sharpeRatio() {
    return sharpeRatio.clone();
  }

  /** best@k, for k in {@code [1, maxK]}. */
  public double bestAt(int k) {
    return best[k - 1];
  }

  /** std@k, for k in {@code [1, maxK]}. */
  public double stdAt(int k) {
    return std[k - 1];
  }

  /** mean@k, for k in {@code [1, maxK]}. */
  public double meanAt(int k) {
    return mean[k - 1];
  }

  /** SharpeRatio@k, for k in {@code [1, maxK]}. */
  public double sharpeRatioAt(int k) {
    return sharpeRatio[k - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopKCurve other
        && Arrays.equals(kth, other.kth)
        && Arrays.equals(best, other.best)
        && Arrays.equals(worst, other.worst)
        && Arrays.equals(mean, other.mean)
        && Arrays.equals(std, other.std)
        && Arrays.equals(safetyViolationRate, other.safetyViolationRate)
        && Arrays.equals(sharpeRatio, other.sharpeRatio);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(best) * 31 + Arrays.hashCode(sharpeRatio);
  }

  @Override
  public String toString() {
    return "TopKCurve[best=" + Arrays.toString(best) + ", std=" + Arrays.toString(std)
        + ", sharpeRatio=" + Arrays.toString(sharpeRatio) + "]";
  }
}
