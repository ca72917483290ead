package io.ope4j.internal.stats;

/**
 * The power of two by which a block of terms is divided when its plain sums leave the range of
 * a double. Dividing by a power of two is exact (short of underflow), so ratios and other
 * scale-free statistics computed from the scaled sums equal those of the true sums.
 */
public final class BinaryScale {

  /** Scaled terms stay below 2^400: their squares summed over 2^40 rows stay finite. */
  private static final int TARGET_EXPONENT = 400;

  private BinaryScale() {}

  /**
   * The smallest exponent {@code k >= 0} such that terms up to {@code maxAbs} times {@code 2^-k}
   * are below 2^401, or 0 when {@code maxAbs} is not finite (scaling cannot help then).
   */
  public static int exponentFor(double maxAbs) {
    if (!Double.isFinite(maxAbs)) {
      return 0;
    }
    return Math.max(0, Math.getExponent(maxAbs) - TARGET_EXPONENT);
  }

  /** Writes {@code terms[0, length) / 2^exponent} into {@code out} and returns it. */
  public static double[] divide(double[] terms, int length, int exponent, double[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = Math.scalb(terms[i], -exponent);
    }
    return out;
  }

  /** Largest absolute value of {@code values[0, length)}. */
  public static double maxAbs(double[] values, int length) {
    double max = 0;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, Math.abs(values[i]));
    }
    return max;
  }
}
