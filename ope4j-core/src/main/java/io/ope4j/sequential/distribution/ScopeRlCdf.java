package io.ope4j.sequential.distribution;

import io.ope4j.selection.Ranking;
import io.ope4j.selection.TieBreak;

/**
 * The CDF estimators as SCOPE-RL's code computes them (commit {@code b1c9e9f}, {@code
 * cumulative_distribution_estimators.py}), reproduced for comparing numbers with it
 * (docs/distribution.md): returns and V-hat clipped to the grid; the DM CDF a histogram over the
 * bins {@code [m_j, m_{j+1})}; the IS CDFs the cumulative weight of the returns sorted ascending,
 * read at the last return below each edge, which gives {@code W_(0)/n} (not 0) below the smallest
 * return; no monotone repair of the IS CDFs. The returns come discounted from {@code gamma^1}
 * ({@link io.ope4j.sequential.EpisodeReturns#collect}).
 */
final class ScopeRlCdf {

  private ScopeRlCdf() {}

  /** The CDF of {@code estimator} on {@code grid} (length M). */
  static double[] of(DistributionEstimator estimator, ReturnGrid grid, double[] returns,
      double[] weights, double[] initialValues) {
    return switch (estimator) {
      case CD_DM -> histogram(grid, initialValues);
      case CD_TIS -> importanceSampling(grid, returns, weights, false);
      case CD_SNTIS -> importanceSampling(grid, returns, weights, true);
      case CD_TDR -> doublyRobust(grid, returns, weights, initialValues, false);
      case CD_SNTDR -> doublyRobust(grid, returns, weights, initialValues, true);
    };
  }

  /**
   * {@code F[0] = 0}, {@code F[j+1] = F[j] + count_j / n} over the histogram of the clipped values
   * (the fraction computed as numpy's density times the bin width).
   */
  static double[] histogram(ReturnGrid grid, double[] values) {
    return histogram(grid, values, true);
  }

  /**
   * SCOPE-RL's CDF of on-policy returns: the histogram of the values without clipping, so values
   * outside the grid are left out and the rest share the whole mass (numpy's density).
   */
  static double[] histogramWithinGrid(ReturnGrid grid, double[] values) {
    return histogram(grid, values, false);
  }

  private static double[] histogram(ReturnGrid grid, double[] values, boolean clipped) {
    int m = grid.size();
    long[] counts = new long[m - 1];
    long n = 0;
    for (double value : values) {
      if (clipped || (value >= grid.first() && value <= grid.last())) {
        counts[grid.histogramBin(clip(grid, value))]++;
        n++;
      }
    }
    double[] cdf = new double[m];
    for (int j = 0; j < m - 1; j++) {
      double width = grid.point(j + 1) - grid.point(j);
      cdf[j + 1] = cdf[j] + counts[j] / width / n * width;
    }
    return cdf;
  }

  private static long[] binCounts(ReturnGrid grid, double[] values) {
    long[] counts = new long[grid.size() - 1];
    for (double value : values) {
      counts[grid.histogramBin(clip(grid, value))]++;
    }
    return counts;
  }

  private static double[] importanceSampling(ReturnGrid grid, double[] returns, double[] weights,
      boolean selfNormalized) {
    int n = returns.length;
    // ascending by return (ties, which only reorder equal returns inside one bin, in either order)
    int[] descending = Ranking.descending(returns, TieBreak.FIRST_LISTED);
    double divisor = selfNormalized ? sum(weights) : n;
    double[] cumulative = new double[n];
    double running = 0.0;
    for (int k = 0; k < n; k++) {
      running += weights[descending[n - 1 - k]];
      cumulative[k] = Math.min(Math.max(running / divisor, 0.0), 1.0);
    }
    long[] counts = binCounts(grid, returns);
    double[] cdf = new double[grid.size()];
    long below = 0;
    for (int j = 0; j < counts.length; j++) {
      below += counts[j];
      // SCOPE-RL reads the sorted cumulative weight at index max(N_j - 1, 0): c_0 when N_j = 0
      cdf[j + 1] = cumulative[(int) Math.max(below - 1, 0)];
    }
    return cdf;
  }

  private static double[] doublyRobust(ReturnGrid grid, double[] returns, double[] weights,
      double[] initialValues, boolean selfNormalized) {
    int n = returns.length;
    double[] dm = histogram(grid, initialValues);
    double divisor = selfNormalized ? sum(weights) : n;
    // sum_i W_i (1{G_i <= m_j} - 1{V_i <= m_j}) of the clipped values, by binning each value at the
    // first grid point at or above it: O(n log M + M) rather than SCOPE-RL's n x M indicators
    double[] binned = new double[grid.size()];
    for (int i = 0; i < n; i++) {
      binned[grid.firstAtOrAbove(clip(grid, returns[i]))] += weights[i];
      binned[grid.firstAtOrAbove(clip(grid, initialValues[i]))] -= weights[i];
    }
    double[] cdf = new double[grid.size()];
    double residual = 0.0;
    double runningMax = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < cdf.length; j++) {
      residual += binned[j];
      runningMax = Math.max(runningMax, residual / divisor + dm[j]);
      cdf[j] = Math.min(Math.max(runningMax, 0.0), 1.0);
    }
    return cdf;
  }

  private static double clip(ReturnGrid grid, double x) {
    return Math.min(Math.max(x, grid.first()), grid.last());
  }

  private static double sum(double[] values) {
    double total = 0.0;
    for (double value : values) {
      total += value;
    }
    return total;
  }
}
