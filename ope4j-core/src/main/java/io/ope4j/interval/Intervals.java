package io.ope4j.interval;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;

/** The arithmetic of confidence intervals, on plain numbers. */
public final class Intervals {

  /** Absolute accuracy of t quantiles (Hipparchus's default, 1e-9, shows in the 10th digit). */
  private static final double T_QUANTILE_ACCURACY = 1e-14;

  private Intervals() {}

  /**
   * {@code value ± t_{n-1}(1 - alpha/2) * stderr}; with NaN bounds when {@code n < 2} or the
   * standard error is NaN.
   */
  public static Interval studentT(double value, double stderr, long n, double level) {
    checkLevel(level);
    if (n < 2 || Double.isNaN(stderr)) {
      return Interval.of(Double.NaN, Double.NaN, level, IntervalMethod.T);
    }
    double quantile = new TDistribution(n - 1, T_QUANTILE_ACCURACY).inverseCumulativeProbability(0.5 + level / 2);
    double half = quantile * stderr;
    return Interval.of(value - half, value + half, level, IntervalMethod.T);
  }

  /**
   * Two-sided Hoeffding half-width for the mean of {@code n} values in a range of width {@code
   * width} at error {@code alpha}: {@code width * sqrt(ln(2/alpha) / (2n))} (Hoeffding 1963, Thm
   * 2).
   */
  public static double hoeffdingHalfWidth(double width, long n, double alpha) {
    return width * Math.sqrt(Math.log(2 / alpha) / (2.0 * n));
  }

  /**
   * Two-sided empirical Bernstein half-width at error {@code alpha} (each side at alpha/2): for
   * values in a range of width {@code width} with sample variance {@code variance} (divisor n-1),
   * {@code sqrt(2 V ln(4/alpha) / n) + 7 width ln(4/alpha) / (3 (n-1))} (Maurer & Pontil 2009, Thm
   * 4, scaled from [0, 1]; as used by Thomas, Theocharous & Ghavamzadeh 2015). Infinite for n < 2.
   */
  public static double bernsteinHalfWidth(double variance, double width, long n, double alpha) {
    if (n < 2) {
      return Double.POSITIVE_INFINITY;
    }
    double log = Math.log(4 / alpha);
    return Math.sqrt(2 * Math.max(variance, 0.0) * log / n) + 7 * width * log / (3.0 * (n - 1));
  }

  /**
   * Percentile of {@code sorted} (ascending) at {@code q} in [0, 1] by linear interpolation
   * between order statistics, numpy's default rule: {@code h = (n-1) q}.
   */
  public static double percentile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int j = (int) Math.floor(h);
    if (j >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double t = h - j;
    double lo = sorted[j];
    double hi = sorted[j + 1];
    // numpy's lerp: from the nearer end, so that t = 0 or 1 returns an order statistic exactly.
    return t < 0.5 ? lo + (hi - lo) * t : hi - (hi - lo) * (1 - t);
  }

  /**
   * Percentile interval of bootstrap replicate estimates (Efron & Tibshirani 1993, §13.3). A
   * replicate whose estimate is undefined (NaN: no row drawn, or a zero normaliser) is left out, so
   * the interval is that of the bootstrap conditional on a defined estimate; callers say how many
   * were left out ({@link #undefinedReplicates}). NaN ends when none is defined.
   */
  public static Interval bootstrapPercentile(double[] replicateEstimates, double level) {
    checkLevel(level);
    double[] sorted = Arrays.stream(replicateEstimates).filter(v -> !Double.isNaN(v)).sorted().toArray();
    double alpha = 1 - level;
    if (sorted.length == 0) {
      return new Interval(Double.NaN, Double.NaN, level, IntervalMethod.BOOTSTRAP, Double.NaN,
          Double.NaN, null, replicateEstimates.length);
    }
    return new Interval(
        percentile(sorted, alpha / 2),
        percentile(sorted, 1 - alpha / 2),
        level,
        IntervalMethod.BOOTSTRAP,
        Double.NaN,
        Double.NaN,
        null,
        replicateEstimates.length);
  }

  /** How many replicate estimates are undefined (NaN), which {@link #bootstrapPercentile} leaves out. */
  public static int undefinedReplicates(double[] replicateEstimates) {
    return (int) Arrays.stream(replicateEstimates).filter(Double::isNaN).count();
  }

  /**
   * Wilson score interval for a proportion {@code p} in [0, 1] seen on {@code n} trials, which
   * may be fractional (e.g. Kish's effective sample size of weighted rows): {@code (p + z^2/2n ±
   * z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)} (Wilson 1927, JASA 22, p. 210). Unlike {@code p ±
   * z sqrt(p(1-p)/n)} it keeps a positive width at p = 0 or 1. [0, 1] when n is not positive.
   */
  public static double[] wilson(double p, double n, double level) {
    checkLevel(level);
    if (!(n > 0)) {
      return new double[] {0.0, 1.0};
    }
    double z = normalQuantile(0.5 + level / 2);
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
    return new double[] {Math.max(0.0, centre - half), Math.min(1.0, centre + half)};
  }

  /** The standard normal quantile at {@code q}. */
  public static double normalQuantile(double q) {
    return new org.hipparchus.distribution.continuous.NormalDistribution(0, 1)
        .inverseCumulativeProbability(q);
  }

  /** Throws unless {@code 0 < level < 1}. */
  public static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }
}
