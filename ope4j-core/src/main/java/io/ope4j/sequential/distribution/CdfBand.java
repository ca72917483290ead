package io.ope4j.sequential.distribution;

import io.ope4j.interval.Intervals;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A simultaneous confidence band on an estimated CDF by the bootstrap of the largest deviation
 * (Bickel &amp; Freedman 1981; the DKW band's shape, {@code F-hat +- c}, with {@code c} taken from
 * the resamples rather than from a bound that needs bounded weights): resample the episodes B
 * times, take each resample's {@code sup_j |F*(m_j) - F-hat(m_j)|}, and widen {@code F-hat} by
 * that deviation's {@code level} percentile, clipped to [0, 1]. The resamples are drawn from
 * {@code seed} alone, so every policy and estimator sees the same ones, and the band is the same
 * on any run.
 */
final class CdfBand {

  private CdfBand() {}

  /**
   * @param estimate the CDF on the full sample
   * @return {lower, upper}, each of length M
   */
  static double[][] bootstrap(DistributionEstimator estimator, int[] returnBins, int[] valueBins,
      double[] weights, double[] estimate, double level, int replicates, long seed) {
    int n = returnBins.length;
    int m = estimate.length;
    SplittableRandom random = new SplittableRandom(seed);
    double[] multiplicity = new double[n];
    double[] buffer = new double[m + 1];
    double[] resampled = new double[m];
    double[] deviation = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      Arrays.fill(multiplicity, 0.0);
      for (int i = 0; i < n; i++) {
        multiplicity[random.nextInt(n)] += 1.0;
      }
      WeightedCdf.of(estimator, returnBins, valueBins, weights, multiplicity, buffer, resampled);
      double largest = 0.0;
      for (int j = 0; j < m; j++) {
        largest = Math.max(largest, Math.abs(resampled[j] - estimate[j]));
      }
      // a resample without weight (all of its W zero) has no self-normalised CDF: the widest band
      deviation[b] = Double.isNaN(largest) ? 1.0 : largest;
    }
    Arrays.sort(deviation);
    double width = Intervals.percentile(deviation, level);
    double[] lower = new double[m];
    double[] upper = new double[m];
    for (int j = 0; j < m; j++) {
      lower[j] = Math.max(estimate[j] - width, 0.0);
      upper[j] = Math.min(estimate[j] + width, 1.0);
    }
    return new double[][] {lower, upper};
  }
}
