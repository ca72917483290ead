package io.ope4j.engine;

import io.ope4j.internal.stats.BinaryScale;
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
 *
 * <p>A block whose plain sums leave the range of a double (weights or rewards near 1e308) is
 * summed again with {@code x} and {@code d} each divided by a power of two, whose exponents are
 * kept per state; merging aligns exponents by exact power-of-two scaling. The estimate and its
 * standard error are then computed from the scaled sums (the self-normalised ratio does not
 * depend on the scale at all), so they are finite whenever the true values are. Blocks that do
 * not overflow take the plain path unchanged.
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
  /** The components whose product each sum holds ({@code -1}: none, a plain sum). */
  private static final int[] FIRST_FACTOR = {Y, X, D, Y, X, D, Y, Y, X};
  private static final int[] SECOND_FACTOR = {-1, -1, -1, Y, X, D, X, D, D};

  private final boolean hasModelTerm;
  private final boolean selfNormalized;
  private final CompensatedSum[] sums = new CompensatedSum[9];
  private final double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
  private final double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
  private final boolean tracksRanges;
  private long count;
  private long altered;
  /** The sums are those of {@code y / 2^exponent[Y]}, {@code x / 2^exponent[X]}, {@code d / 2^exponent[D]}. */
  private final int[] exponent = new int[3];
  private final double[] block = new double[9];
  private transient double[][] scaledTerms;

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
    boolean wasScaled = scaled();
    if (!wasScaled) {
      sumBlock(y, x, d, length);
    }
    if (wasScaled || !blockFinite()) {
      raiseExponent(X, x, length);
      if (selfNormalized) {
        raiseExponent(D, d, length);
      }
      if (hasModelTerm) {
        raiseExponent(Y, y, length);
      }
      if (scaled()) {
        sumBlock(scaled(y, length, Y), scaled(x, length, X), scaled(d, length, D), length);
      }
    }
    for (int i = 0; i < block.length; i++) {
      if (isUsed(i)) {
        sums[i].add(block[i]);
      }
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

  private void sumBlock(double[] y, double[] x, double[] d, int length) {
    if (!selfNormalized) {
      addPlain(x, length);
    } else if (!hasModelTerm) {
      addRatio(x, d, length);
    } else {
      addRatio(x, d, length);
      addModelTerm(y, x, d, length);
    }
  }

  private boolean isUsed(int sum) {
    return selfNormalized ? hasModelTerm || (sum != Y && sum != YY && sum != YX && sum != YD)
        : sum == X || sum == XX;
  }

  private boolean blockFinite() {
    for (int i = 0; i < block.length; i++) {
      if (isUsed(i) && !Double.isFinite(block[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code terms / 2^exponent[component]}, in a buffer of this state's unless not scaled. */
  private double[] scaled(double[] terms, int length, int component) {
    int e = exponent[component];
    if (e == 0) {
      return terms;
    }
    if (scaledTerms == null) {
      scaledTerms = new double[3][];
    }
    if (scaledTerms[component] == null || scaledTerms[component].length < length) {
      scaledTerms[component] = new double[Math.max(length, EvaluationState.BLOCK)];
    }
    return BinaryScale.divide(terms, length, e, scaledTerms[component]);
  }

  private void raiseExponent(int component, double[] terms, int length) {
    raiseExponent(component, BinaryScale.exponentFor(BinaryScale.maxAbs(terms, length)));
  }

  /** The binary exponent by which sum {@code sum} is scaled, under the given component exponents. */
  private static int scaleOf(int sum, int[] exponents) {
    int second = SECOND_FACTOR[sum];
    return exponents[FIRST_FACTOR[sum]] + (second < 0 ? 0 : exponents[second]);
  }

  /** Moves the sums to the scale {@code 2^needed} for a component, if larger than its current one. */
  private void raiseExponent(int component, int needed) {
    if (needed <= exponent[component]) {
      return;
    }
    int[] before = exponent.clone();
    exponent[component] = needed;
    for (int i = 0; i < sums.length; i++) {
      int shift = scaleOf(i, exponent) - scaleOf(i, before);
      if (shift != 0) {
        sums[i].scale(-shift);
      }
    }
  }

  private void updateRange(int component, double[] values, int length) {
    io.ope4j.internal.stats.Extremes.widen(min, max, component, values, length);
  }


  private void addPlain(double[] x, int length) {
    double sx = 0;
    double sxx = 0;
    for (int i = 0; i < length; i++) {
      double v = x[i];
      sx += v;
      sxx += v * v;
    }
    block[X] = sx;
    block[XX] = sxx;
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
    block[X] = sx;
    block[D] = sd;
    block[XX] = sxx;
    block[DD] = sdd;
    block[XD] = sxd;
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
    block[Y] = sy;
    block[YY] = syy;
    block[YX] = syx;
    block[YD] = syd;
  }

  /** Adds {@code other}'s rows to this state. */
  public void merge(TermMoments other) {
    if (other.selfNormalized != selfNormalized || other.hasModelTerm != hasModelTerm
        || other.tracksRanges != tracksRanges) {
      throw new IllegalArgumentException("cannot merge states of different estimator kinds");
    }
    count += other.count;
    altered += other.altered;
    for (int component = 0; component < exponent.length; component++) {
      raiseExponent(component, other.exponent[component]);
    }
    for (int i = 0; i < sums.length; i++) {
      int shift = scaleOf(i, exponent) - scaleOf(i, other.exponent);
      if (shift == 0) {
        sums[i].add(other.sums[i]);
      } else {
        sums[i].add(other.sums[i], -shift);
      }
    }
    for (int i = 0; i < 3; i++) {
      min[i] = Math.min(min[i], other.min[i]);
      max[i] = Math.max(max[i], other.max[i]);
    }
  }

  /**
   * Whether the estimate is not a finite double because of the size of the terms: a per-round
   * term it needs left the range of a double (e.g. a weight near 1e308 times a reward above 1), or
   * its true value lies outside that range. Sums of finite terms alone do not count: they are
   * scaled to stay finite.
   */
  public boolean overflowed() {
    for (int i = 0; i < sums.length; i++) {
      if (isUsed(i) && SECOND_FACTOR[i] < 0 && !Double.isFinite(sums[i].value())) {
        return true;
      }
    }
    return scaled() && !Double.isFinite(value());
  }

  /** Whether some block's sums had to be scaled down to stay finite. */
  public boolean scaled() {
    return exponent[Y] != 0 || exponent[X] != 0 || exponent[D] != 0;
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
    boolean stored = (component != D || selfNormalized) && (component != Y || hasModelTerm);
    return stored ? Math.scalb(scaledMean(component), exponent[component]) : scaledMean(component);
  }

  /** Mean of a component as stored, i.e. divided by its {@code 2^exponent}. */
  private double scaledMean(int component) {
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
    return Math.scalb(scaledCovariance(a, b), exponent[a] + exponent[b]);
  }

  private double scaledCovariance(int a, int b) {
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

  /**
   * The point estimate: {@code mean(x)}, or {@code mean(y) + mean(x) / mean(d)}, whose ratio does
   * not depend on the scale of {@code x} and {@code d}.
   */
  public double value() {
    double ratio = scaledMean(X) / scaledMean(D);
    return mean(Y) + Math.scalb(ratio, exponent[X] - exponent[D]);
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
    // Every part of the variance is brought to the scale 2^(-2 * common) before adding, so that
    // the parts stay finite whenever the standard error is; with nothing scaled, common is 0.
    int ratioShift = exponent[X] - exponent[D];
    int common = hasModelTerm ? Math.max(ratioShift, exponent[Y]) : ratioShift;
    double variance;
    if (!selfNormalized) {
      variance = scaledCovariance(X, X);
    } else {
      double meanD = scaledMean(D);
      double ratio = scaledMean(X) / meanD;
      variance =
          (scaledCovariance(X, X) - 2 * ratio * scaledCovariance(X, D) + ratio * ratio * scaledCovariance(D, D))
              / (meanD * meanD);
      if (hasModelTerm) {
        variance = Math.scalb(variance, 2 * (ratioShift - common))
            + (Math.scalb(scaledCovariance(Y, Y), 2 * (exponent[Y] - common))
                + Math.scalb(2 * (scaledCovariance(Y, X) - ratio * scaledCovariance(Y, D)) / meanD,
                    exponent[Y] + ratioShift - 2 * common));
      }
    }
    return Math.scalb(Math.sqrt(Math.max(variance, 0.0) / count), common);
  }
}
