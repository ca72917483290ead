package io.ope4j.io.internal;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers straight from ASCII bytes, without making a String, under a strict decimal
 * grammar, and gives exactly the value {@link Double#parseDouble} gives for the same text.
 *
 * <p>Grammar: {@code [+-]? digits? ('.' digits?)? ([eE] [+-]? digits)?} with at least one digit
 * in the significand, ASCII digits only, and nothing around it: no blanks or control characters
 * (a NUL, CR or line feed in a field means the file is damaged, not that the value is 1), no
 * Java suffixes ({@code 1.5d}, {@code 0.5f}), no hex ({@code 0x1p-1}), no Unicode digits. The
 * words {@code NaN}, {@code Infinity}, {@code +Infinity} and {@code -Infinity}, as Java and
 * Python write them, are read as those values so that the caller can reject them by name.
 * Integers ({@link #parseInteger}) are a sign and ASCII digits only: {@code 3.0} and {@code 1e3}
 * are not integers.
 *
 * <p>Doubles take Clinger's exact fast path (W. D. Clinger, "How to read floating point numbers
 * accurately", PLDI 1990): when the decimal significand m fits in 53 bits and the decimal
 * exponent e satisfies |e| <= 22, both m and 10^|e| are exact doubles, so the single IEEE
 * multiplication or division {@code m * 10^e} (or {@code m / 10^-e}) is the correctly rounded
 * value. Typical log values ({@code 0.052516}, {@code 0.00215302908691}, {@code 8.8e-05}, {@code
 * 1}) qualify. Text outside the grammar is rejected by this class; text inside it that misses
 * the fast path (19+ significant digits, larger exponents) goes to {@link Double#parseDouble},
 * which reads every text of the grammar, for its value only.
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
   * @throws NumberFormatException if the text is outside the grammar (e.g. empty, {@code 1\0},
   *     {@code 1.5d}, {@code  1})
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
        if (significand != 0 && significantDigits <= MAX_SIGNIFICANT_DIGITS - 8 && end - p >= 8) {
          long eight = eightDigits(bytes, p);
          if (eight >= 0) { // eight digits at once, after the leading zeros: 17-digit values
            significand = significand * 100_000_000 + eight;
            significantDigits += 8;
            exponent -= 8;
            digits += 8;
            p += 8;
            continue;
          }
        }
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
      return special(bytes, start, end); // "NaN", "Infinity", or not a number ("", ".", "-")
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
        throw notANumber(bytes, start, end); // "1e", "1e+"
      }
      exponent += negativeExponent ? -written : written;
    }
    if (p != end) {
      throw notANumber(bytes, start, end); // trailing text: "1.5d", "1\0", "1\r", "0x1p-1"
    }
    if (tooLong) {
      return fallback(bytes, start, end); // 19+ significant digits: valid, read exactly there
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
   * The value of the eight ASCII digits at {@code bytes[p, p + 8)}, or -1 if any of them is not
   * a digit. One 64-bit load: each byte is checked to lie in ['0', '9'] by two additions that
   * set its top bit otherwise, then pairs, quadruples and the octet are combined by
   * multiplications (the usual SWAR digit conversion).
   */
  static long eightDigits(byte[] bytes, int p) {
    long word = (long) LITTLE_ENDIAN_LONG.get(bytes, p);
    long value = word - 0x3030303030303030L;
    if ((((word + 0x4646464646464646L) | value) & 0x8080808080808080L) != 0) {
      return -1;
    }
    value = value * 10 + (value >>> 8); // byte 2i holds the pair d(2i) d(2i+1)
    return (((value & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
        + (((value >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
  }

  private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONG =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * The integer written in {@code bytes[start, end)} as an optional sign and ASCII digits, or
   * {@link #NOT_AN_INTEGER} for any other text ({@code 3.0}, {@code 1e3}, {@code 3.5}, an empty
   * field, a non-ASCII digit) and for values beyond the range of a long.
   */
  public static long parseInteger(byte[] bytes, int start, int end) {
    int p = start;
    boolean negative = false;
    if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
      negative = bytes[p] == '-';
      p++;
    }
    while (end - p > MAX_SIGNIFICANT_DIGITS && bytes[p] == '0') {
      p++; // leading zeros of a long text, so that the loop below cannot overflow
    }
    int digits = end - p;
    if (digits == 0 || digits > MAX_SIGNIFICANT_DIGITS + 1) {
      return NOT_AN_INTEGER;
    }
    long value = 0;
    while (p < end) {
      int digit = bytes[p] - '0';
      if (digit < 0 || digit > 9) {
        return NOT_AN_INTEGER;
      }
      value = value * 10 + digit;
      p++;
    }
    if (digits > MAX_SIGNIFICANT_DIGITS && value < 0) {
      return NOT_AN_INTEGER; // 19 digits beyond Long.MAX_VALUE wrapped around
    }
    return negative ? -value : value;
  }

  /** Whether {@code bytes[start, end)} is a number of the grammar (NaN and infinities too). */
  public static boolean isNumber(byte[] bytes, int start, int end) {
    try {
      parseDouble(bytes, start, end);
      return true;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  /** The values Java and Python write for NaN and the infinities; anything else is refused. */
  private static double special(byte[] bytes, int start, int end) {
    if (matches(bytes, start, end, "NaN")) {
      return Double.NaN;
    }
    if (matches(bytes, start, end, "Infinity") || matches(bytes, start, end, "+Infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    if (matches(bytes, start, end, "-Infinity")) {
      return Double.NEGATIVE_INFINITY;
    }
    throw notANumber(bytes, start, end);
  }

  private static boolean matches(byte[] bytes, int start, int end, String word) {
    if (end - start != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (bytes[start + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static NumberFormatException notANumber(byte[] bytes, int start, int end) {
    return new NumberFormatException("not a decimal number: "
        + new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
  }

  /** Exact reading of a text already checked against the grammar (ASCII only). */
  private static double fallback(byte[] bytes, int start, int end) {
    return Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
  }
}
