package io.ope4j.sequential.distribution;

/**
 * One estimator's estimate of one policy's return distribution on the result's grid.
 *
 * @param policy the evaluation policy
 * @param estimator the estimator
 * @param cdf {@code F(m_j)} per grid point
 * @param bandLower the lower edge of the simultaneous bootstrap band per point, or null
 * @param bandUpper its upper edge, or null
 * @param risk the risk functions of {@code cdf}
 */
public record ReturnDistribution(String policy, DistributionEstimator estimator, double[] cdf,
    double[] bandLower, double[] bandUpper, RiskSummary risk) {

  /** Whether a band was computed. */
  public boolean hasBand() {
    return bandLower != null;
  }
}
