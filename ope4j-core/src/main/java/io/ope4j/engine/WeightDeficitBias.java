package io.ope4j.engine;

import io.ope4j.interval.Interval;
import io.ope4j.interval.Intervals;
import io.ope4j.interval.TermRange;

/**
 * Widens the interval of an estimator that alters importance weights (clipping, switching,
 * shrinking) by a bound on its bias, so that the interval covers the policy value, not just the
 * biased estimator's mean.
 *
 * <p>Such an estimator averages {@code q(pi) + v(w) (r - q(a))}; the policy value is the average of
 * {@code q(pi) + w (r - q(a))}, so the bias is {@code -E[(w - v(w)) (r - q(a))]}. With rewards in
 * {@code [lo, hi]} the value lies between the estimator's mean plus {@code E[lo * p - hi * m - c]}
 * and plus {@code E[hi * p - lo * m - c]}, where {@code p} and {@code m} are the positive and
 * negative parts of the deficit {@code w - v(w)} and {@code c = (w - v(w)) q(a)}. Each end is
 * moved by its mean's normal bound at the interval's level, which adds standard errors and so is
 * conservative. The deficits are carried as the {@code (y, x, d) = (p, m, c)} components of a
 * {@link TermMoments}, whose cross-products give the variance of any linear combination.
 */
final class WeightDeficitBias {

  static final String KIND = "bias";

  private WeightDeficitBias() {}

  /** An empty state for the deficits {@code (p, m, c)}. */
  static TermMoments newState() {
    return new TermMoments(true, true);
  }

  /**
   * {@code interval} widened by the bias bounds, or unchanged when no weight was altered; null
   * when the deficits' sums had to be scaled (weights near 1e308) or too few rows were seen.
   */
  static Interval widen(Interval interval, TermMoments deficits, TermRange rewards, String rangeSource) {
    if (deficits.count() < 2 || deficits.scaled()) {
      return null;
    }
    if (deficits.mean(TermMoments.Y) == 0.0 && deficits.mean(TermMoments.X) == 0.0) {
      return interval;
    }
    double z = Intervals.normalQuantile(0.5 + interval.level() / 2);
    double lo = rewards.lower();
    double hi = rewards.upper();
    double lower = interval.lower() + end(deficits, lo, -hi, -z);
    double upper = interval.upper() + end(deficits, hi, -lo, z);
    return interval.widened(Math.min(lower, interval.lower()), Math.max(upper, interval.upper()),
        new Interval.Floor(KIND, lo, hi, rangeSource));
  }

  /** Mean of {@code a p + b m - c}, moved by {@code z} of its standard errors. */
  private static double end(TermMoments m, double a, double b, double z) {
    int y = TermMoments.Y;
    int x = TermMoments.X;
    int d = TermMoments.D;
    double mean = a * m.mean(y) + b * m.mean(x) - m.mean(d);
    double variance = a * a * m.covariance(y, y) + b * b * m.covariance(x, x) + m.covariance(d, d)
        + 2 * (a * b * m.covariance(y, x) - a * m.covariance(y, d) - b * m.covariance(x, d));
    return mean + z * Math.sqrt(Math.max(variance, 0.0) / m.count());
  }
}
