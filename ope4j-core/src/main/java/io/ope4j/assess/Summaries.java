package io.ope4j.assess;

import io.ope4j.interval.Intervals;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.SelectionQuality;
import io.ope4j.selection.TopKCurve;
import java.util.Arrays;

/**
 * Folds the replications of one estimator, in replication order, into an {@link
 * EstimatorSummary}. Pure arithmetic on arrays, so the summary depends only on the per-replication
 * results, never on how many threads produced them.
 */
final class Summaries {

  private Summaries() {}

  /**
   * @param estimates {@code estimates[r][p]}: replication r's estimate of candidate p
   * @param truths the truth of each replication
   * @param qualities the selection quality of each replication
   */
  static EstimatorSummary of(String estimator, double[][] estimates, KnownValues[] truths, SelectionQuality[] qualities) {
    int candidates = truths[0].size();
    double[] relative = new double[estimates.length * candidates];
    double[] moments = errorMoments(estimates, truths, relative);
    double relativeMean = 0;
    for (double value : relative) {
      relativeMean += value;
    }
    Arrays.sort(relative); // quantiles by numpy's linear rule (Intervals.percentile)
    double[] quantiles = new double[EstimatorSummary.QUANTILE_LEVELS.length];
    for (int q = 0; q < quantiles.length; q++) {
      quantiles[q] = Intervals.percentile(relative, EstimatorSummary.QUANTILE_LEVELS[q]);
    }
    return new EstimatorSummary(estimator, estimates.length, relativeMean / relative.length, quantiles,
        moments[0], moments[1], moments[2],
        meanOfDefined(qualities, Metric.SPEARMAN, 0), meanOfDefined(qualities, Metric.KENDALL, 0),
        curve(qualities, Metric.REGRET, candidates), curve(qualities, Metric.BEST, candidates),
        curve(qualities, Metric.STD, candidates), curve(qualities, Metric.SHARPE, candidates));
  }

  /**
   * Squared bias, variance and MSE of the errors {@code e = Jhat - J}, each averaged over the
   * candidates; fills {@code relative[r * N + p]} with the relative errors.
   */
  private static double[] errorMoments(double[][] estimates, KnownValues[] truths, double[] relative) {
    int replications = estimates.length;
    int candidates = truths[0].size();
    double squaredBias = 0;
    double variance = 0;
    double squaredError = 0;
    double[] errors = new double[replications];
    for (int p = 0; p < candidates; p++) {
      double sum = 0;
      for (int r = 0; r < replications; r++) {
        double truth = truths[r].trueValue(p);
        errors[r] = estimates[r][p] - truth;
        sum += errors[r];
        // relative estimation error |Jhat - J| / |J| (Open Bandit Pipeline relative-ee)
        relative[r * candidates + p] = Math.abs(errors[r]) / Math.abs(truth);
      }
      double bias = sum / replications;
      double spread = 0;
      double squares = 0;
      for (int r = 0; r < replications; r++) {
        double deviation = errors[r] - bias;
        spread += deviation * deviation;
        squares += errors[r] * errors[r];
      }
      // MSE = bias^2 + variance over replications, divisor R throughout (the usual decomposition,
      // as in Voloshin et al. 2021's empirical study of OPE)
      squaredBias += bias * bias;
      variance += spread / replications;
      squaredError += squares / replications;
    }
    return new double[] {squaredBias / candidates, variance / candidates, squaredError / candidates};
  }

  private enum Metric { SPEARMAN, KENDALL, REGRET, BEST, STD, SHARPE }

  private static double[] curve(SelectionQuality[] qualities, Metric metric, int candidates) {
    double[] curve = new double[candidates];
    for (int k = 1; k <= candidates; k++) {
      curve[k - 1] = meanOfDefined(qualities, metric, k);
    }
    return curve;
  }

  /** Mean of a per-replication value over the replications where it is not NaN. */
  private static double meanOfDefined(SelectionQuality[] qualities, Metric metric, int k) {
    double sum = 0;
    int defined = 0;
    for (SelectionQuality quality : qualities) {
      double value = value(quality, metric, k);
      if (!Double.isNaN(value)) {
        sum += value;
        defined++;
      }
    }
    return defined == 0 ? Double.NaN : sum / defined;
  }

  private static double value(SelectionQuality quality, Metric metric, int k) {
    TopKCurve topK = quality.topK();
    return switch (metric) {
      case SPEARMAN -> quality.rankCorrelation();
      case KENDALL -> quality.kendallTau();
      case REGRET -> quality.regretAt(k);
      case BEST -> topK.bestAt(k);
      case STD -> topK.stdAt(k);
      case SHARPE -> topK.sharpeRatioAt(k);
    };
  }
}
