package io.ope4j.diagnostics;

import io.ope4j.data.BanditBatch;
import io.ope4j.internal.stats.BinaryScale;
import io.ope4j.internal.stats.CompensatedSum;

/**
 * One-pass, mergeable statistics of the importance weights {@code w = pi(a_i) / pscore_i} of
 * one evaluation policy: count, sum and sum of squares (for the effective sample size and the
 * mean weight's standard error), extremes, zero-probability rows, and a log-bucketed histogram
 * for quantiles.
 *
 * <p>The histogram buckets a weight by its binary exponent and the top {@value #MANTISSA_BITS}
 * mantissa bits, read straight from its bits (no logarithm in the hot loop); a reported quantile
 * is its bucket's midpoint, within 0.8% of a true order statistic. Counts merge in any order.
 *
 * <p>A block whose plain sums overflow (weights near 1e308) is summed again with the weights
 * divided by a power of two {@code 2^exponent}, kept per state, so the scale-free effective
 * sample size stays finite and the mean weight is finite whenever it is.
 */
public final class WeightStats implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int MANTISSA_BITS = 6;
  static final int MIN_EXPONENT = -40;
  static final int MAX_EXPONENT = 39;
  static final int BUCKETS = (MAX_EXPONENT - MIN_EXPONENT + 1) << MANTISSA_BITS;

  private final CompensatedSum sum = new CompensatedSum();
  private final CompensatedSum sumSquares = new CompensatedSum();
  private final long[] histogram = new long[BUCKETS];
  private long count;
  private long zeros;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  /** The sums are those of {@code w / 2^exponent} (and its square). */
  private int exponent;

  /** Folds in rows {@code [from, to)} of {@code batch} for evaluation policy {@code policy}. */
  public void addBlock(BanditBatch batch, int policy, int from, int to) {
    addBlock(batch.piLogged(policy), batch.pscore(), from, to);
  }

  /**
   * Folds in the weights {@code pi[i] / pscore[i]} of rows {@code [from, to)}: any weights given
   * as a ratio, e.g. a kernel's over a behaviour density for continuous actions. Not modified.
   */
  public void addBlock(double[] pi, double[] pscore, int from, int to) {
    double s = 0;
    double ss = 0;
    double lo = min;
    double hi = max;
    long zero = 0;
    for (int i = from; i < to; i++) {
      double weight = pi[i] / pscore[i];
      s += weight;
      ss += weight * weight;
      if (weight < lo) {
        lo = weight;
      }
      if (weight > hi) {
        hi = weight;
      }
      if (weight == 0.0) {
        zero++;
      } else {
        histogram[bucket(weight)]++;
      }
    }
    if (exponent != 0 || !Double.isFinite(s) || !Double.isFinite(ss)) {
      addScaled(pi, pscore, from, to);
    } else {
      sum.add(s);
      sumSquares.add(ss);
    }
    min = lo;
    max = hi;
    zeros += zero;
    count += to - from;
  }

  private void addScaled(double[] pi, double[] pscore, int from, int to) {
    double blockMax = 0;
    for (int i = from; i < to; i++) {
      blockMax = Math.max(blockMax, pi[i] / pscore[i]);
    }
    int needed = BinaryScale.exponentFor(blockMax);
    if (needed > exponent) {
      rescale(needed);
    }
    double s = 0;
    double ss = 0;
    for (int i = from; i < to; i++) {
      double weight = Math.scalb(pi[i] / pscore[i], -exponent);
      s += weight;
      ss += weight * weight;
    }
    sum.add(s);
    sumSquares.add(ss);
  }

  private void rescale(int newExponent) {
    int shift = newExponent - exponent;
    sum.scale(-shift);
    sumSquares.scale(-2 * shift);
    exponent = newExponent;
  }

  static int bucket(double positiveWeight) {
    long bits = Double.doubleToRawLongBits(positiveWeight);
    int exponent = (int) (bits >>> 52) - 1023;
    if (exponent < MIN_EXPONENT) {
      return 0;
    }
    if (exponent > MAX_EXPONENT) {
      return BUCKETS - 1;
    }
    int mantissa = (int) ((bits >>> (52 - MANTISSA_BITS)) & ((1 << MANTISSA_BITS) - 1));
    return ((exponent - MIN_EXPONENT) << MANTISSA_BITS) | mantissa;
  }

  /** The midpoint of a bucket's range. */
  static double bucketMidpoint(int bucket) {
    int exponent = (bucket >>> MANTISSA_BITS) + MIN_EXPONENT;
    int mantissa = bucket & ((1 << MANTISSA_BITS) - 1);
    return Math.scalb(1.0 + (mantissa + 0.5) / (1 << MANTISSA_BITS), exponent);
  }

  /** Adds {@code other}'s rows. */
  public void merge(WeightStats other) {
    if (other.exponent > exponent) {
      rescale(other.exponent);
    }
    int shift = exponent - other.exponent;
    if (shift == 0) {
      sum.add(other.sum);
      sumSquares.add(other.sumSquares);
    } else {
      sum.add(other.sum, -shift);
      sumSquares.add(other.sumSquares, -2 * shift);
    }
    for (int i = 0; i < BUCKETS; i++) {
      histogram[i] += other.histogram[i];
    }
    count += other.count;
    zeros += other.zeros;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  public long count() {
    return count;
  }

  /**
   * The weight at quantile {@code q} in [0, 1]: the order statistic of rank {@code max(1,
   * ceil(q n))}, to the histogram's resolution, clamped to the observed range. NaN when empty,
   * and NaN when that order statistic lies in an end bucket holding weights outside [2^-40,
   * 2^40) (about 1e-12 to 1e12), which the histogram does not resolve (unless every weight is
   * the same): such a quantile is unknown, not the bucket's midpoint.
   */
  public double quantile(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * count));
    if (rank <= zeros) {
      return 0.0;
    }
    long seen = zeros;
    for (int i = 0; i < BUCKETS; i++) {
      seen += histogram[i];
      if (seen >= rank) {
        boolean unresolved = (i == 0 && min < Math.scalb(1.0, MIN_EXPONENT))
            || (i == BUCKETS - 1 && max >= Math.scalb(1.0, MAX_EXPONENT + 1));
        if (unresolved && min != max) {
          return Double.NaN;
        }
        return Math.min(max, Math.max(min, bucketMidpoint(i)));
      }
    }
    return max;
  }

  /**
   * The positive weights counted by power of two, from the lowest to the highest non-empty
   * power: the fine buckets summed by exponent.
   */
  public WeightHistogram histogramByPowerOfTwo() {
    int perExponent = 1 << MANTISSA_BITS;
    int first = -1;
    int last = -1;
    for (int i = 0; i < BUCKETS; i++) {
      if (histogram[i] != 0) {
        if (first < 0) {
          first = i / perExponent;
        }
        last = i / perExponent;
      }
    }
    if (first < 0) {
      return WeightHistogram.EMPTY;
    }
    long[] counts = new long[last - first + 1];
    for (int i = first * perExponent; i < (last + 1) * perExponent; i++) {
      counts[i / perExponent - first] += histogram[i];
    }
    return new WeightHistogram(first + MIN_EXPONENT, counts);
  }

  /** The finished diagnostics. */
  public WeightDiagnostics finish() {
    double n = count;
    double s = sum.value();
    double ss = sumSquares.value();
    double mean = Math.scalb(s / n, exponent);
    double variance = count > 1 ? Math.max(0.0, (ss - s * s / n) / (n - 1)) : Double.NaN;
    double[] quantiles = new double[WeightDiagnostics.QUANTILE_LEVELS.length];
    for (int i = 0; i < quantiles.length; i++) {
      quantiles[i] = quantile(WeightDiagnostics.QUANTILE_LEVELS[i]);
    }
    return new WeightDiagnostics(
        count,
        ss > 0 ? s * s / ss : 0.0,
        mean,
        Math.scalb(Math.sqrt(variance / n), exponent),
        count == 0 ? Double.NaN : min,
        count == 0 ? Double.NaN : max,
        quantiles,
        count == 0 ? Double.NaN : zeros / n,
        histogramByPowerOfTwo());
  }
}
