package io.ope4j.sequential.distribution;

/**
 * The CDF estimators with their documented definitions (docs/distribution.md): every indicator
 * is {@code 1{x <= m_j}} of the unclipped value, so {@code F(m_j)} estimates {@code P(G <= m_j)}
 * at every grid point (mass below the grid counts at {@code m_0}); the raw estimate is then made
 * a CDF by its running maximum clipped to [0, 1]. Each value is binned once ({@link #bins}); an
 * estimate is then a pass over the bins, with an optional multiplicity per episode (the
 * bootstrap's resample counts).
 */
final class WeightedCdf {

  private WeightedCdf() {}

  /** For each value, the first grid index {@code j} with {@code value <= m_j} (M if none). */
  static int[] bins(ReturnGrid grid, double[] values) {
    int[] bins = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bins[i] = grid.firstAtOrAbove(values[i]);
    }
    return bins;
  }

  /**
   * The monotone [0, 1]-valued CDF of {@code estimator}.
   *
   * @param returnBins {@link #bins} of the returns
   * @param valueBins {@link #bins} of V-hat(s_0), or null for an estimator without a model
   * @param weights the trajectory weights
   * @param multiplicity each episode's count, or null for 1 each
   * @param buffer scratch of length M + 1, overwritten
   * @param cdf output of length M, overwritten
   */
  static void of(DistributionEstimator estimator, int[] returnBins, int[] valueBins,
      double[] weights, double[] multiplicity, double[] buffer, double[] cdf) {
    java.util.Arrays.fill(buffer, 0.0);
    double count = 0.0;
    double weightSum = 0.0;
    for (int i = 0; i < returnBins.length; i++) {
      double m = multiplicity == null ? 1.0 : multiplicity[i];
      count += m;
      weightSum += m * weights[i];
    }
    double divisor = estimator.selfNormalized() ? weightSum : count;
    for (int i = 0; i < returnBins.length; i++) {
      double m = multiplicity == null ? 1.0 : multiplicity[i];
      switch (estimator) {
        case CD_DM -> buffer[valueBins[i]] += m / count;
        case CD_TIS, CD_SNTIS -> buffer[returnBins[i]] += m * weights[i] / divisor;
        case CD_TDR, CD_SNTDR -> {
          double w = m * weights[i] / divisor;
          buffer[returnBins[i]] += w;
          buffer[valueBins[i]] += m / count - w;
        }
      }
    }
    double running = 0.0;
    double monotone = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < cdf.length; j++) {
      running += buffer[j];
      monotone = Math.max(monotone, running);
      cdf[j] = Math.min(Math.max(monotone, 0.0), 1.0);
    }
  }
}
