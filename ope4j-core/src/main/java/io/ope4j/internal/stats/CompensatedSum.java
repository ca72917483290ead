package io.ope4j.internal.stats;

/**
 * A running sum with Neumaier's compensation (an improved Kahan–Babuška summation), so that
 * sums over billions of terms keep their precision. Used to combine per-block plain sums; the
 * hot loops themselves add plainly within blocks of about a thousand rows.
 *
 * <p>Not thread-safe. {@link #value()} is deterministic for a given order of additions.
 */
public final class CompensatedSum implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private double sum;
  private double compensation;

  /** Adds {@code x}. NaN and infinities propagate as in plain addition. */
  public void add(double x) {
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      compensation += (sum - t) + x;
    } else {
      compensation += (x - t) + sum;
    }
    sum = t;
  }

  /** Adds another compensated sum (its running sum and its compensation). */
  public void add(CompensatedSum other) {
    add(other.sum);
    add(other.compensation);
  }

  /**
   * Adds another compensated sum multiplied by {@code 2^exponent}: exact, short of underflow,
   * so sums kept at different binary scales combine as if kept at one.
   */
  public void add(CompensatedSum other, int exponent) {
    add(Math.scalb(other.sum, exponent));
    add(Math.scalb(other.compensation, exponent));
  }

  /** Multiplies the sum by {@code 2^exponent} (exact, short of underflow). */
  public void scale(int exponent) {
    sum = Math.scalb(sum, exponent);
    compensation = Math.scalb(compensation, exponent);
  }

  /** The compensated total. */
  public double value() {
    return sum + compensation;
  }

  public void reset() {
    sum = 0.0;
    compensation = 0.0;
  }
}
