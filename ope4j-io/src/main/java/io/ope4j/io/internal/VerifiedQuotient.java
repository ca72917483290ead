package io.ope4j.io.internal;

/**
 * The correctly rounded double nearest {@code w / 10^k} for a decimal significand too long for
 * Clinger's fast path (2^53 < w < 2^63) and 1 <= k <= 22, or NaN when this class cannot prove
 * the answer (the caller then falls back to {@link Double#parseDouble}).
 *
 * <p>Why: a log written with {@code Double.toString} or Python's {@code repr} holds 17-digit
 * values, which the fast path rejects; {@code Double.parseDouble} reads them at about 150 ns
 * each, halving the CSV reader's throughput (165 vs 320 MB/s on a narrow file).
 *
 * <p>How: the candidate {@code v = (double) w / 10^k} (two roundings) is within about one ulp of
 * the exact quotient x. Writing {@code v = m 2^e} (m the 53-bit integer significand), v is the
 * correctly rounded x exactly when x lies strictly between the midpoints {@code (2m - 1)
 * 2^(e-1)} and {@code (2m + 1) 2^(e-1)} to v's neighbours. With {@code 10^k = 5^k 2^k} that is
 * the integer comparison {@code w 2^(1-e-k)} against {@code (2m +- 1) 5^k}; both sides have
 * about 110 bits and are compared exactly in 128-bit arithmetic. If x falls outside, the
 * neighbour on that side is tried. Undecided cases go to the fallback: an exact tie (round
 * half to even would decide) and {@code m = 2^52}, where the lower neighbour is nearer than
 * {@code 2^e}.
 */
final class VerifiedQuotient {

  /** 5^0 .. 5^22; 5^22 < 2^52, so a product with a 54-bit number stays below 2^106. */
  private static final long[] POWERS_OF_FIVE = new long[23];

  /** 10^0 .. 10^22, exact doubles. */
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    long five = 1;
    double ten = 1.0;
    for (int k = 0; k < POWERS_OF_FIVE.length; k++) {
      POWERS_OF_FIVE[k] = five;
      POWERS_OF_TEN[k] = ten; // every product here is an exact double (10^22 < 2^53 * 2^22)
      five *= 5;
      ten *= 10;
    }
  }

  private static final long HIDDEN_BIT = 1L << 52;
  private static final int INSIDE = 0;
  private static final int BELOW = -1;
  private static final int ABOVE = 1;
  private static final int UNDECIDED = 2;

  private VerifiedQuotient() {}

  /**
   * @param w decimal significand, {@code 2^53 < w < 2^63}
   * @param k power of ten to divide by, {@code 1 <= k <= 22}
   * @return the double nearest {@code w / 10^k} (ties to even), or NaN if not proven
   */
  static double of(long w, int k) {
    double candidate = (double) w / POWERS_OF_TEN[k];
    for (int attempt = 0; attempt < 3; attempt++) {
      int where = locate(w, k, candidate);
      if (where == INSIDE) {
        return candidate;
      }
      if (where == UNDECIDED) {
        return Double.NaN;
      }
      candidate = where == BELOW ? Math.nextDown(candidate) : Math.nextUp(candidate);
    }
    return Double.NaN;
  }

  /** Where {@code x = w / 10^k} lies relative to the rounding interval of {@code v > 0}. */
  private static int locate(long w, int k, double v) {
    long bits = Double.doubleToRawLongBits(v);
    int biasedExponent = (int) (bits >>> 52) & 0x7ff;
    long m = (bits & (HIDDEN_BIT - 1)) | HIDDEN_BIT;
    if (biasedExponent == 0 || biasedExponent == 0x7ff || m == HIDDEN_BIT) {
      return UNDECIDED; // subnormal, infinite, or an asymmetric interval at a power of two
    }
    int e = biasedExponent - 1075; // v = m * 2^e
    // x <> (2m +- 1) 2^(e-1)  <=>  w <> (2m +- 1) 5^k 2^(e-1+k); shift whichever side needs it.
    int shift = e - 1 + k;
    if (shift < -64 || shift > 20) {
      return UNDECIDED; // cannot happen for v near w / 10^k, but keeps every value in 128 bits
    }
    long five = POWERS_OF_FIVE[k];
    long lowerHi = Math.multiplyHigh(2 * m - 1, five);
    long lowerLo = (2 * m - 1) * five;
    long upperHi = Math.multiplyHigh(2 * m + 1, five);
    long upperLo = (2 * m + 1) * five;
    long xHi;
    long xLo;
    if (shift <= 0) { // x side: w * 2^-shift
      int s = -shift;
      xHi = s == 0 ? 0 : s < 64 ? w >>> (64 - s) : w;
      xLo = s < 64 ? w << s : 0;
    } else { // bound side: multiply both bounds by 2^shift (shift <= 20 keeps them < 2^127)
      xHi = 0;
      xLo = w;
      lowerHi = (lowerHi << shift) | (lowerLo >>> (64 - shift));
      lowerLo <<= shift;
      upperHi = (upperHi << shift) | (upperLo >>> (64 - shift));
      upperLo <<= shift;
    }
    int lower = compareUnsigned128(xHi, xLo, lowerHi, lowerLo);
    int upper = compareUnsigned128(xHi, xLo, upperHi, upperLo);
    if (lower > 0 && upper < 0) {
      return INSIDE;
    }
    if (lower == 0 || upper == 0) {
      return UNDECIDED; // exactly halfway between two doubles
    }
    return lower < 0 ? BELOW : ABOVE;
  }

  private static int compareUnsigned128(long aHi, long aLo, long bHi, long bLo) {
    int high = Long.compareUnsigned(aHi, bHi);
    return high != 0 ? high : Long.compareUnsigned(aLo, bLo);
  }
}
