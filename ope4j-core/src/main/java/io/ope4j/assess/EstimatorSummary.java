package io.ope4j.assess;

import java.util.Arrays;

/**
 * How one estimator did over the replications of one experiment. Errors are {@code e = Jhat - J}
 * per candidate and replication; "mean over candidates" averages the per-candidate statistic.
 * Curves are indexed by {@code k - 1}, k = 1 .. number of candidates; accessors return copies.
 *
 * @param estimator the estimator spec
 * @param replications R, the number of logs
 * @param relativeErrorMean mean of {@code |e| / |J|} over all candidates and replications (Open
 *     Bandit Pipeline's relative estimation error)
 * @param relativeErrorQuantiles quantiles of the same values at {@link #QUANTILE_LEVELS} (numpy's
 *     linear interpolation)
 * @param squaredBias mean over candidates of {@code (mean_r e)^2}
 * @param variance mean over candidates of {@code mean_r (e - mean_r e)^2} (divisor R, so that
 *     {@code meanSquaredError = squaredBias + variance} up to rounding)
 * @param meanSquaredError mean of {@code e^2} over all candidates and replications
 * @param rankCorrelation mean over replications of Spearman's rho between true values and
 *     estimates (replications where it is undefined are skipped; NaN if all are)
 * @param kendallTau likewise, Kendall's tau-b
 * @param regret mean regret@k over replications
 * @param best mean best@k over replications
 * @param std mean std@k over replications
 * @param sharpeRatio mean SharpeRatio@k over the replications where it is defined (std@k > 0);
 *     NaN where it is defined in none, always at k = 1
 */
public record EstimatorSummary(
    String estimator,
    int replications,
    double relativeErrorMean,
    double[] relativeErrorQuantiles,
    double squaredBias,
    double variance,
    double meanSquaredError,
    double rankCorrelation,
    double kendallTau,
    double[] regret,
    double[] best,
    double[] std,
    double[] sharpeRatio) {

  /** Levels of {@link #relativeErrorQuantiles()}. */
  public static final double[] QUANTILE_LEVELS = {0.1, 0.5, 0.9};

  public EstimatorSummary {
    relativeErrorQuantiles = relativeErrorQuantiles.clone();
    regret = regret.clone();
    best = best.clone();
    std = std.clone();
    sharpeRatio = sharpeRatio.clone();
  }

  /** Number of candidates, the length of the curves. */
  public int candidates() {
    return regret.length;
  }

  /** Mean regret@k, k in {@code [1, candidates]}. */
  public double regretAt(int k) {
    return regret[k - 1];
  }

  /** Mean SharpeRatio@k, k in {@code [1, candidates]}. */
  public double sharpeRatioAt(int k) {
    return sharpeRatio[k - 1];
  }

  @Override
  public double[] relativeErrorQuantiles() {
    return relativeErrorQuantiles.clone();
  }

  @Override
  public double[] regret() {
    return regret.clone();
  }

  @Override
  public double[] best() {
    return best.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  @Override
  public double[] sharpeRatio() {
    return sharpeRatio.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EstimatorSummary other
        && estimator.equals(other.estimator)
        && replications == other.replications
        && Double.compare(relativeErrorMean, other.relativeErrorMean) == 0
        && Arrays.equals(relativeErrorQuantiles, other.relativeErrorQuantiles)
        && Double.compare(squaredBias, other.squaredBias) == 0
        && Double.compare(variance, other.variance) == 0
        && Double.compare(meanSquaredError, other.meanSquaredError) == 0
        && Double.compare(rankCorrelation, other.rankCorrelation) == 0
        && Double.compare(kendallTau, other.kendallTau) == 0
        && Arrays.equals(regret, other.regret)
        && Arrays.equals(best, other.best)
        && Arrays.equals(std, other.std)
        && Arrays.equals(sharpeRatio, other.sharpeRatio);
  }

  @Override
  public int hashCode() {
    return estimator.hashCode() * 31 + Double.hashCode(meanSquaredError);
  }

  @Override
  public String toString() {
    return "EstimatorSummary[" + estimator + ", R=" + replications + ", relErr=" + relativeErrorMean
        + ", bias2=" + squaredBias + ", variance=" + variance + ", mse=" + meanSquaredError
        + ", spearman=" + rankCorrelation + ", kendall=" + kendallTau + ", regret="
        + Arrays.toString(regret) + ", sharpe=" + Arrays.toString(sharpeRatio) + "]";
  }
}
