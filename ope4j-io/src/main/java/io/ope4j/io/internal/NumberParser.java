package io.ope4j.io.internal;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers straight from ASCII bytes, without making a String, and gives exactly the value
 * {@link Double#parseDouble} gives for the same text.
 *
 * <p>Doubles take Clinger's exact fast path (W. D. Clinger, "How to read floating point numbers
 * accurately", PLDI 1990): when the decimal significand m fits in 53 bits and the decimal
 * exponent e satisfies |e| <= 22, both m and 10^|e| are exact doubles, so the single IEEE
 * multiplication or division {@code m * 10^e} (or {@code m / 10^-e}) is the correctly rounded
 * value. Typical log values ({@code 0.052516}, {@code 0.00215302908691}, {@code 8.8e-05}, {@code
 * 1}) qualify. Anything else (17+ significant digits, larger exponents, {@code NaN}, {@code
 * Infinity}, hex, surrounding blanks, malformed text) goes to {@link Double#parseDouble}, which
 * decides both the value and whether the text is a number at all.
 *
 * <p>Full-precision values ({@code 0.047939305137387644}, 17 digits, as {@code
 * Double.toString} and Python's {@code repr} write random doubles) miss the fast path; {@link
 * VerifiedQuotient} handles most of them exactly and much faster than the fallback.
 *
 * <p>Public only for the continuous-time path reader in {@code ope4j-ct}; not a stable API.
 */
public final class NumberParser {

  /** Returned by {@link #parseInteger} when the text is not an integer. */
  public static final long NOT_AN_INTEGER = Long.MIN_VALUE;

  /** 2^53: every integer up to it is an exact double. */
  private static final long MAX_EXACT_SIGNIFICAND = 1L << 53;

  /** 18 digits always fit in a long; exact significands (<= 2^53) never need more than 16. */
  private static final int MAX_SIGNIFICANT_DIGITS = 18;

  /** Exponent digits beyond this magnitude all mean "far outside the fast path". */
  private static final int EXPONENT_CAP = 100_000;

  /** 10^0 .. 10^22, the powers of ten that are exact doubles. */
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private NumberParser() {}

  /**
   * The double written in {@code bytes[start, end)}, bit for bit what {@link
   * Double#parseDouble} returns for that text (including {@code -0.0}, {@code NaN} and
   * infinities).
   *
   * @throws NumberFormatException if {@link Double#parseDouble} rejects the text (e.g. empty)
   */
  public static double parseDouble(byte[] bytes, int start, int end) {
    int p = start;
    boolean negative = false;
    if (p < end) {
      byte sign = bytes[p];
      if (sign == '-') {
        negative = true;
        p++;
      } else if (sign == '+') {
        p++;
      }
    }
    long significand = 0;
    int significantDigits = 0;
    int digits = 0;
    int exponent = 0;
    boolean tooLong = false;
    while (p < end) {
      int digit = bytes[p] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      if (significantDigits < MAX_SIGNIFICANT_DIGITS) {
        significand = significand * 10 + digit;
        if (significand != 0) {
          significantDigits++; // leading zeros are not significant
        }
      } else {
        tooLong = true;
      }
      digits++;
      p++;
    }
    if (p < end && bytes[p] == '.') {
      p++;
      while (p < end) {
        int digit = bytes[p] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        if (significantDigits < MAX_SIGNIFICANT_DIGITS) {
          significand = significand * 10 + digit;
          if (significand != 0) {
            significantDigits++;
          }
          exponent--;
        } else {
          tooLong = true;
        }
        digits++;
        p++;
      }
    }
    if (digits == 0) {
      return fallback(bytes, start, end); // ".", "NaN", "Infinity", "", ...
    }
    if (p < end && (bytes[p] == 'e' || bytes[p] == 'E')) {
      p++;
      boolean negativeExponent = false;
      if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
        negativeExponent = bytes[p] == '-';
        p++;
      }
      int written = 0;
      int exponentDigits = 0;
      while (p < end) {
        int digit = bytes[p] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        if (written < EXPONENT_CAP) {
          written = written * 10 + digit;
        }
        exponentDigits++;
        p++;
      }
      if (exponentDigits == 0) {
        return fallback(bytes, start, end);
      }
      exponent += negativeExponent ? -written : written;
    }
    if (p != end || tooLong) {
      return fallback(bytes, start, end); // trailing text ("1.5d", blanks) or 19+ digits
    }
    if (significand == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (significand > MAX_EXACT_SIGNIFICAND) {
      if (exponent < 0 && exponent >= -22) {
        double value = VerifiedQuotient.of(significand, -exponent);
        if (value == value) { // not NaN: proven correctly rounded
          return negative ? -value : value;
        }
      }
      return fallback(bytes, start, end);
    }
    double value = significand; // exact: significand <= 2^53
    if (exponent < 0) {
      if (exponent < -22) {
        return fallback(bytes, start, end);
      }
      value /= EXACT_POWERS_OF_TEN[-exponent];
    } else if (exponent > 0) {
      if (exponent > 22) {
        return fallback(bytes, start, end);
      }
      value *= EXACT_POWERS_OF_TEN[exponent];
    }
    return negative ? -value : value;
  }

  /**
   * The integer written in {@code bytes[start, end)}, or {@link #NOT_AN_INTEGER}. Plain digits
   * with an optional sign are read directly; any other text counts when {@link
   * Double#parseDouble} reads it as a whole number of magnitude at most 2^31 (so {@code 3.0} and
   * {@code 1e3} are integers, {@code 3.5}, {@code abc} and an empty field are not).
   */
  public static long parseInteger(byte[] bytes, int start, int end) {
    int p = start;
    boolean negative = false;
    if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
      negative = bytes[p] == '-';
      p++;
    }
    if (p == end || end - p > 10) {
      return integerFallback(bytes, start, end);
    }
    long value = 0;
    while (p < end) {
      int digit = bytes[p] - '0';
      if (digit < 0 || digit > 9) {
        return integerFallback(bytes, start, end);
      }
      value = value * 10 + digit;
      p++;
    }
    return negative ? -value : value;
  }

  private static long integerFallback(byte[] bytes, int start, int end) {
    double value;
    try {
      value = parseDouble(bytes, start, end);
    } catch (NumberFormatException notANumber) {
      return NOT_AN_INTEGER;
    }
    if (value != Math.rint(value) || Math.abs(value) > 0x1p31) {
      return NOT_AN_INTEGER; // also NaN and infinities
    }
    return (long) value;
  }

  private static double fallback(byte[] bytes, int start, int end) {
    // Latin-1 maps each byte to one char; any non-ASCII byte makes the text invalid anyway.
    return Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
  }
}
