package io.ope4j.engine;

import io.ope4j.internal.stats.CompensatedSum;

/**
 * The one-pass state of one estimator for one policy: count, sums and cross-products of the
 * per-round terms {@code (y, x, d)} (see {@link io.ope4j.estimator.Estimator}), their ranges,
 * and the number of rows whose weight the estimator altered. Plain estimators use only {@code
 * x}; self-normalised ones use {@code x, d} and, with a model, {@code y}.
 *
 * <p>Within a block the loops add plainly; blocks are combined with compensated sums, which
 * keeps sums over 10^9 rows exact to the last visible digit at nearly the plain loop's speed
 * (design.md, "Data"). Mutable, not thread-safe; {@link #merge} is associative and, given the
 * same merge order, deterministic to the bit.
 */
public final class TermMoments implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int Y = 0;
  static final int X = 1;
  static final int D = 2;
  static final int YY = 3;
  static final int XX = 4;
  static final int DD = 5;
  static final int YX = 6;
  static final int YD = 7;
  static final int XD = 8;

  private final boolean hasModelTerm;
  private final boolean selfNormalized;
  private final CompensatedSum[] sums = new CompensatedSum[9];
  private final double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
  private final double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
  private final boolean tracksRanges;
  private long count;
  private long altered;

  /** A state that does not track the terms' ranges (enough for t and bootstrap intervals). */
  public TermMoments(boolean selfNormalized, boolean hasModelTerm) {
    this(selfNormalized, hasModelTerm, false);
  }

  /**
   * @param selfNormalized whether terms come as {@code (x, d)} pairs
   * @param hasModelTerm whether a self-normalised estimator also has a model term {@code y}
   * @param tracksRanges whether to keep each component's smallest and largest value, which only
   *     Hoeffding and Bernstein bounds need; the extremes cost a third of the summing loops'
   *     speed (BENCHMARKS.md), so the other intervals go without
   */
  public TermMoments(boolean selfNormalized, boolean hasModelTerm, boolean tracksRanges) {
    this.selfNormalized = selfNormalized;
    this.hasModelTerm = selfNormalized && hasModelTerm;
    this.tracksRanges = tracksRanges;
    for (int i = 0; i < sums.length; i++) {
      sums[i] = new CompensatedSum();
    }
  }

  public boolean selfNormalized() {
    return selfNormalized;
  }

  public boolean hasModelTerm() {
    return hasModelTerm;
  }

  /** Folds {@code length} rows of terms in; arrays not used by this state may be null. */
  public void addBlock(double[] y, double[] x, double[] d, int length, int alteredRows) {
    count += length;
    altered += alteredRows;
    if (!selfNormalized) {
      addPlain(x, length);
    } else if (!hasModelTerm) {
      addRatio(x, d, length);
    } else {
      addRatio(x, d, length);
      addModelTerm(y, x, d, length);
    }
    if (tracksRanges) {
      updateRange(X, x, length);
      if (selfNormalized) {
        updateRange(D, d, length);
      }
      if (hasModelTerm) {
        updateRange(Y, y, length);
      }
    }
  }

  private void updateRange(int component, double[] values, int length) {
    double lo = min[component];
    double hi = max[component];
    for (int i = 0; i < length; i++) {
      double v = values[i];
      if (v < lo) {
        lo = v;
      }
      if (v > hi) {
        hi = v;
      }
    }
    min[component] = lo;
    max[component] = hi;
  }


  private void addPlain(double[] x, int length) {
    double sx = 0;
    double sxx = 0;
    for (int i = 0; i < length; i++) {
      double v = x[i];
      sx += v;
      sxx += v * v;
    }
    sums[X].add(sx);
    sums[XX].add(sxx);
  }

  private void addRatio(double[] x, double[] d, int length) {
    double sx = 0;
    double sd = 0;
    double sxx = 0;
    double sdd = 0;
    double sxd = 0;
    for (int i = 0; i < length; i++) {
      double u = x[i];
      double v = d[i];
      sx += u;
      sd += v;
      sxx += u * u;
      sdd += v * v;
      sxd += u * v;
    }
    sums[X].add(sx);
    sums[D].add(sd);
    sums[XX].add(sxx);
    sums[DD].add(sdd);
    sums[XD].add(sxd);
  }

  private void addModelTerm(double[] y, double[] x, double[] d, int length) {
    double sy = 0;
    double syy = 0;
    double syx = 0;
    double syd = 0;
    for (int i = 0; i < length; i++) {
      double v = y[i];
      sy += v;
      syy += v * v;
      syx += v * x[i];
      syd += v * d[i];
    }
    sums[Y].add(sy);
    sums[YY].add(syy);
    sums[YX].add(syx);
    sums[YD].add(syd);
  }

  /** Adds {@code other}'s rows to this state. */
  public void merge(TermMoments other) {
    if (other.selfNormalized != selfNormalized || other.hasModelTerm != hasModelTerm
        || other.tracksRanges != tracksRanges) {
      throw new IllegalArgumentException("cannot merge states of different estimator kinds");
    }
    count += other.count;
    altered += other.altered;
    for (int i = 0; i < sums.length; i++) {
      sums[i].add(other.sums[i]);
    }
    for (int i = 0; i < 3; i++) {
      min[i] = Math.min(min[i], other.min[i]);
      max[i] = Math.max(max[i], other.max[i]);
    }
  }

  /**
   * Whether a sum the estimate needs left the range of a double (e.g. weights near 1e308 times
   * large rewards): the estimate is then not a finite double even where the true value is.
   */
  public boolean overflowed() {
    int[] used = !selfNormalized ? new int[] {X} : hasModelTerm ? new int[] {X, D, Y} : new int[] {X, D};
    for (int component : used) {
      if (!Double.isFinite(sums[component].value())) {
        return true;
      }
    }
    return false;
  }

  /** Number of rows folded in. */
  public long count() {
    return count;
  }

  /** Rows whose importance weight the estimator altered (clipped or switched off). */
  public long altered() {
    return altered;
  }

  /** Mean of component {@code Y}, {@code X} or {@code D} (D is 1 for plain estimators). */
  double mean(int component) {
    if (component == D && !selfNormalized || component == Y && !hasModelTerm) {
      return component == D ? 1.0 : 0.0;
    }
    return sums[component].value() / count;
  }

  /** Smallest observed value of a component; needs a state that tracks ranges. */
  double min(int component) {
    checkRanges();
    return min[component];
  }

  /** Largest observed value of a component; needs a state that tracks ranges. */
  double max(int component) {
    checkRanges();
    return max[component];
  }

  private void checkRanges() {
    if (!tracksRanges) {
      throw new IllegalStateException("this state does not track the terms' ranges");
    }
  }

  /** Sample covariance (divisor n - 1) of two used components. */
  double covariance(int a, int b) {
    int product = productIndex(a, b);
    double n = count;
    return (sums[product].value() - sums[a].value() * sums[b].value() / n) / (n - 1);
  }

  private static int productIndex(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    if (lo == hi) {
      return YY + lo;
    }
    return lo == Y ? (hi == X ? YX : YD) : XD;
  }

  /** The point estimate: {@code mean(x)}, or {@code mean(y) + mean(x) / mean(d)}. */
  public double value() {
    return mean(Y) + mean(X) / mean(D);
  }

  /**
   * Standard error of the estimate: {@code sd(x) / sqrt(n)} for plain estimators; for
   * self-normalised ones the delta method on {@code mean(y) + mean(x) / mean(d)}, whose influence
   * function is {@code (y - mean y) + (x - R d) / mean(d)} with {@code R = mean(x) / mean(d)}.
   * NaN with fewer than two rows.
   */
  public double standardError() {
    if (count < 2) {
      return Double.NaN;
    }
    double variance;
    if (!selfNormalized) {
      variance = covariance(X, X);
    } else {
      double meanD = mean(D);
      double ratio = mean(X) / meanD;
      variance =
          (covariance(X, X) - 2 * ratio * covariance(X, D) + ratio * ratio * covariance(D, D))
              / (meanD * meanD);
      if (hasModelTerm) {
        variance += covariance(Y, Y) + 2 * (covariance(Y, X) - ratio * covariance(Y, D)) / meanD;
      }
    }
    return Math.sqrt(Math.max(variance, 0.0) / count);
  }
}
