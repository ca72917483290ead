package io.ope4j.sequential;

import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import io.ope4j.internal.stats.IndexBootstrap;
import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The intervals SCOPE-RL's code computes over per-trajectory values (commit {@code b1c9e9f},
 * {@code estimate_confidence_interval_by_*}), reproduced for comparing numbers with it. Where they
 * depart from the textbook (docs/sequential.md): the bootstrap redraws n indices per replicate
 * from numpy's legacy MT19937 stream; Hoeffding's half-width is {@code max(psi) sqrt(ln(2/alpha)
 * n / 2)} (multiplied by n, not divided); empirical Bernstein uses {@code max(psi)} and the
 * population variance; the t interval uses the one-sided quantile {@code t_{1-alpha, n-1}}.
 */
final class ScopeRlIntervals {

  private static final double T_QUANTILE_ACCURACY = 1e-14;

  private ScopeRlIntervals() {}

  /**
   * @param values the per-trajectory values in log order (needed by the bootstrap only)
   * @param variance0 their variance with divisor n; {@code variance1} with divisor n - 1
   */
  static Interval of(IntervalMethod method, double[] values, long n, double mean,
      double variance0, double variance1, double max, double level, int replicates, long seed) {
    double alpha = 1 - level;
    return switch (method) {
      case BOOTSTRAP -> bootstrap(values, level, replicates, seed);
      case HOEFFDING -> around(mean, max * Math.sqrt(Math.log(2 / alpha) / 2 * n), level, method);
      case BERNSTEIN -> around(mean, 7 * max * Math.log(2 / alpha) / (3 * (double) (n - 1))
          + Math.sqrt(2 * Math.log(2 / alpha) * variance0 / (n - 1)), level, method);
      case T -> around(mean, new TDistribution(n - 1, T_QUANTILE_ACCURACY)
          .inverseCumulativeProbability(1 - alpha) * Math.sqrt(variance1) / Math.sqrt(n),
          level, method);
      case CRESSIE_READ, CLOPPER_PEARSON, HCOPE -> throw new IllegalStateException(method.id() + " is refused by SequentialConfig");
    };
  }

  private static Interval around(double mean, double half, double level, IntervalMethod method) {
    return new Interval(mean - half, mean + half, level, method, Double.NaN, Double.NaN, null, 0);
  }

  /** Percentile interval of {@code replicates} resample means, indices from MT19937(seed). */
  static Interval bootstrap(double[] values, double level, int replicates, long seed) {
    double[] means = IndexBootstrap.resampleMeans(values, replicates, seed);
    Arrays.sort(means);
    double alpha = 1 - level;
    return new Interval(Intervals.percentile(means, alpha / 2),
        Intervals.percentile(means, 1 - alpha / 2), level, IntervalMethod.BOOTSTRAP,
        Double.NaN, Double.NaN, null, replicates);
  }

}
