package io.ope4j.likelihood;

import io.ope4j.internal.stats.BrentRoot;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Beta;

/** Quantiles the likelihood intervals need, solved to the last bits of a double. */
final class Quantiles {

  private static final double BETA_EPSILON = 1e-16;
  private static final int BETA_ITERATIONS = 100_000;

  private Quantiles() {}

  /**
   * The upper-{@code alpha} quantile of F(1, n): the square of the upper-{@code alpha/2} quantile
   * of Student's t with n degrees of freedom, since T^2 ~ F(1, n) for T ~ t_n.
   */
  static double fOneUpper(double alpha, double n) {
    double t = new TDistribution(n, 1e-15).inverseCumulativeProbability(1 - alpha / 2);
    return t * t;
  }

  /** The {@code p}-quantile of Beta(a, b), for real a, b > 0, by a precise root of the regularised beta. */
  static double beta(double p, double a, double b) {
    return BrentRoot.precise(x -> Beta.regularizedBeta(x, a, b, BETA_EPSILON, BETA_ITERATIONS) - p, 0.0, 1.0);
  }
}
