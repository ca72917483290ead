package io.ope4j.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well the logged data cover an evaluation policy, from its importance weights {@code w =
 * pi(a_i) / pscore_i}.
 *
 * @param rows number of logged rounds
 * @param effectiveSampleSize Kish's {@code (sum w)^2 / sum w^2}; 0 when every weight is 0
 * @param meanWeight {@code mean(w)}: about 1 when propensities are right and the behaviour
 *     policy covers the evaluation policy
 * @param meanWeightStderr standard error of {@code meanWeight}
 * @param minWeight smallest weight
 * @param maxWeight largest weight
 * @param weightQuantiles weights at {@link #QUANTILE_LEVELS}, within 0.8% (see {@link
 *     WeightStats})
 * @param zeroProbabilityShare share of rows where the evaluation policy gives the logged action
 *     probability 0
 * @param histogram the positive weights counted by power of two, for a log-scale histogram
 */
public record WeightDiagnostics(
    long rows,
    double effectiveSampleSize,
    double meanWeight,
    double meanWeightStderr,
    double minWeight,
    double maxWeight,
    double[] weightQuantiles,
    double zeroProbabilityShare,
    WeightHistogram histogram) {

  /** Quantile levels of {@link #weightQuantiles()}. */
  public static final double[] QUANTILE_LEVELS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

  /** Effective sample size below this share of the rows draws a warning. */
  public static final double LOW_ESS_SHARE = 0.01;

  /** A mean weight further than this many standard errors from 1 draws a warning. */
  public static final double MEAN_WEIGHT_Z = 4.0;

  public WeightDiagnostics {
    weightQuantiles = weightQuantiles.clone();
  }

  /** Diagnostics without a histogram. */
  public WeightDiagnostics(long rows, double effectiveSampleSize, double meanWeight, double meanWeightStderr,
      double minWeight, double maxWeight, double[] weightQuantiles, double zeroProbabilityShare) {
    this(rows, effectiveSampleSize, meanWeight, meanWeightStderr, minWeight, maxWeight, weightQuantiles,
        zeroProbabilityShare, WeightHistogram.EMPTY);
  }

  /** For a log without propensities: no weight is known, every statistic is NaN, no warning. */
  public static WeightDiagnostics unknown(long rows) {
    double[] quantiles = new double[QUANTILE_LEVELS.length];
    java.util.Arrays.fill(quantiles, Double.NaN);
    return new WeightDiagnostics(rows, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        quantiles, Double.NaN);
  }

  @Override
  public double[] weightQuantiles() {
    return weightQuantiles.clone();
  }

  /** Warnings about this policy's overlap with the log, for people; empty when none. */
  public List<String> warnings(String policy) {
    List<String> warnings = new ArrayList<>();
    if (effectiveSampleSize < LOW_ESS_SHARE * rows) {
      warnings.add(
          String.format(
              "policy %s: effective sample size %.4g is below %.0f%% of the %d rows; the estimates"
                  + " rest on very few rounds",
              policy, effectiveSampleSize, 100 * LOW_ESS_SHARE, rows));
    }
    double z = (meanWeight - 1.0) / meanWeightStderr;
    if (Math.abs(z) > MEAN_WEIGHT_Z || meanWeightStderr == 0.0 && meanWeight != 1.0) {
      warnings.add(
          String.format(
              "policy %s: mean importance weight %.6g is %.1f standard errors from 1; propensities"
                  + " may be wrong, or the evaluation policy takes actions the logging policy never"
                  + " takes",
              policy, meanWeight, Math.abs(z)));
    }
    return warnings;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightDiagnostics other
        && rows == other.rows
        && Double.compare(effectiveSampleSize, other.effectiveSampleSize) == 0
        && Double.compare(meanWeight, other.meanWeight) == 0
        && Double.compare(meanWeightStderr, other.meanWeightStderr) == 0
        && Double.compare(minWeight, other.minWeight) == 0
        && Double.compare(maxWeight, other.maxWeight) == 0
        && Arrays.equals(weightQuantiles, other.weightQuantiles)
        && Double.compare(zeroProbabilityShare, other.zeroProbabilityShare) == 0
        && histogram.equals(other.histogram);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(rows) * 31 + Arrays.hashCode(weightQuantiles);
  }

  @Override
  public String toString() {
    return "WeightDiagnostics[rows=" + rows + ", ess=" + effectiveSampleSize + ", meanWeight="
        + meanWeight + ", maxWeight=" + maxWeight + ", quantiles=" + Arrays.toString(weightQuantiles)
        + ", zeroShare=" + zeroProbabilityShare + "]";
  }
}
