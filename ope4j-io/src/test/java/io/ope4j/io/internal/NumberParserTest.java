package io.ope4j.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser must agree with {@link Double#parseDouble} to the bit on every text of its strict
 * grammar, whichever of its paths (Clinger fast path, verified quotient, fallback) handles it,
 * and refuse what the JDK reads only by trimming or by Java's own literal syntax.
 */
class NumberParserTest {

  private static final int RANDOM_CASES = 50_000;

  @ParameterizedTest
  @ValueSource(strings = {
    "0", "0.0", "-0.0", "-0", "+0.0", "1", "-1", "1.0", "0.5", ".5", "5.", "-.5", "+1.5",
    "8.8e-05", "1e-3", "1E-3", "1e+05", "1E5", "2.5e0", "0e5", "-0e-5", "0.0294117647058823",
    "0.029411764705882353", "0.021739130434782608", "0.052516", "0.00215302908691",
    "9007199254740992", "9007199254740993", "9007199254740991", "18014398509481985",
    "90071992547409930e-1", "9007199254740993.0", "9007199254740995.0",
    "1e22", "1e23", "1e-22", "1e-23", "123456789012345678901234567890", "1.7976931348623157e308",
    "1.8e308", "4.9e-324", "2.2250738585072014E-308", "1e-400", "1e400",
    "0.1", "0.2", "0.3", "0.7", "3.141592653589793", "2.718281828459045", "1.0E-5",
    "0.49999999999999994", "0.5000000000000001", "0.9999999999999999", "0.99999999999999994",
    "1.0000000000000002", "0.000000000000000000001", "00000000000000000000001.5",
    "0.10000000000000000000000", "123.456e-20", "1e0000000000000000000001",
    "NaN", "Infinity", "-Infinity", "+Infinity"
  })
  void parseDouble_matchesJdkBitForBit(String text) {
    assertSameAsJdk(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "abc", "1.2.3", "1,5", "--1",
      "1e5e5", "0x", "nan", "inf", "1 000"})
  void parseDouble_rejectsWhatJdkRejects(String text) {
    assertThatThrownBy(() -> Double.parseDouble(text)).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> parse(text)).isInstanceOf(NumberFormatException.class);
  }

  /** Issue 10: all of these are numbers to {@link Double#parseDouble}, none is a decimal. */
  @ParameterizedTest
  @ValueSource(strings = {" 1.5", "1.5 ", "1\u0000", "\u0011.5", "1\r", "0.5\n", "\t1",
      "1.5d", "1.5D", "0.5f", "0.5F", "0x1p-1", "0x1.8p1", "-NaN", "+NaN", "1e5d"})
  void parseDouble_rejectsJavaLiteralsAndControlCharacters(String text) {
    assertThat(Double.parseDouble(text)).isNotNull();
    assertThatThrownBy(() -> parse(text)).isInstanceOf(NumberFormatException.class);
    assertThat(NumberParser.isNumber(bytes(text), 0, text.length())).isFalse();
  }

  @Test
  void parseDouble_rejectsUnicodeDigits() {
    byte[] arabicThree = "\u0663".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> NumberParser.parseDouble(arabicThree, 0, arabicThree.length))
        .isInstanceOf(NumberFormatException.class);
    assertThat(NumberParser.parseInteger(arabicThree, 0, arabicThree.length))
        .isEqualTo(NumberParser.NOT_AN_INTEGER);
  }

  @Test
  void parseDouble_readsOnlyTheGivenRange() {
    byte[] bytes = "9,0.25,7".getBytes(StandardCharsets.US_ASCII);
    assertThat(NumberParser.parseDouble(bytes, 2, 6)).isEqualTo(0.25);
  }

  @Test
  void parseDouble_halfwayCaseRoundsToEven() {
    // 2^53 + 1 lies exactly between two doubles; the verified path must not guess.
    assertThat(parse("90071992547409930e-1")).isEqualTo(9007199254740992.0);
    assertThat(parse("9007199254740995.0")).isEqualTo(9007199254740996.0);
  }

  /** Java's own shortest-ish form, over all exponents and signs (random bit patterns). */
  @RepeatedTest(4)
  void parseDouble_randomBitPatterns_javaToString(RepetitionInfo repetition) {
    long seed = 1000 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < RANDOM_CASES; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      assertSameAsJdk(Double.toString(value), seed);
    }
  }

  /** Python's repr form (e.g. 8.8e-05, 1e-05, 0.029411764705882353) of typical log values. */
  @RepeatedTest(4)
  void parseDouble_randomValues_pythonRepr(RepetitionInfo repetition) {
    long seed = 2000 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < RANDOM_CASES; i++) {
      double value = randomLogValue(random);
      String repr = pythonRepr(value);
      assertSameAsJdk(repr, seed);
      assertThat(parse(repr)).as("round trip of %s (seed %s)", repr, seed).isEqualTo(value);
    }
  }

  /** Short decimals of every length around the fast path's limits (digits, exponent, 2^53). */
  @RepeatedTest(4)
  void parseDouble_randomDecimalStrings(RepetitionInfo repetition) {
    long seed = 3000 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < RANDOM_CASES; i++) {
      int digits = 1 + random.nextInt(20);
      StringBuilder text = new StringBuilder();
      if (random.nextInt(4) == 0) {
        text.append('-');
      }
      for (int d = 0; d < digits; d++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextBoolean()) {
        text.insert(text.length() - random.nextInt(digits + 1), '.');
      }
      if (random.nextInt(3) == 0) {
        text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(61) - 30);
      }
      String candidate = text.toString();
      if (candidate.equals("-.") || candidate.equals(".") || candidate.startsWith(".e")
          || candidate.startsWith("-.e") || candidate.startsWith(".E")
          || candidate.startsWith("-.E")) {
        continue; // no digits: not a number for either parser
      }
      assertSameAsJdk(candidate, seed);
    }
  }

  /** The eight-digit step: every byte value at every position of the octet, and random octets. */
  @Test
  void eightDigits_readsOnlyEightAsciiDigits() {
    SplittableRandom random = new SplittableRandom(41);
    for (int i = 0; i < 10_000; i++) {
      String digits = String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
      assertThat(NumberParser.eightDigits(bytes("x" + digits), 1)).isEqualTo(Long.parseLong(digits));
    }
    for (int position = 0; position < 8; position++) {
      for (int b = 0; b < 256; b++) {
        byte[] octet = bytes("12345678");
        octet[position] = (byte) b;
        long expected = b >= '0' && b <= '9' ? Long.parseLong(new String(octet, StandardCharsets.ISO_8859_1)) : -1;
        assertThat(NumberParser.eightDigits(octet, 0)).as("byte %d at %d", b, position).isEqualTo(expected);
      }
    }
  }

  /** A byte that is not a digit inside a long fraction is refused wherever it falls. */
  @Test
  void parseDouble_refusesAStrayByteInALongFraction() {
    String value = "0.56271594699017751";
    for (int at = 3; at < value.length(); at++) {
      for (char stray : new char[] {'/', ':', ' ', '\0', 'a', '.', '\u00b9'}) {
        String text = value.substring(0, at) + stray + value.substring(at + 1);
        byte[] padded = bytes("9" + text + "9");
        assertThatThrownBy(() -> NumberParser.parseDouble(padded, 1, padded.length - 1))
            .as(text).isInstanceOf(NumberFormatException.class);
      }
    }
  }

  /** Neighbours of powers of two, where a double's rounding interval is asymmetric. */
  @Test
  void parseDouble_neighboursOfPowersOfTwo() {
    for (int exponent = -80; exponent <= 80; exponent++) {
      double power = Math.scalb(1.0, exponent);
      for (double value : new double[] {
          Math.nextDown(Math.nextDown(power)), Math.nextDown(power), power, Math.nextUp(power)}) {
        assertSameAsJdk(Double.toString(value));
        assertSameAsJdk(pythonRepr(value));
        assertSameAsJdk(new BigDecimal(value).round(new java.math.MathContext(17)).toString());
        assertSameAsJdk(new BigDecimal(value).round(new java.math.MathContext(18)).toString());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "7", "-3", "+12", "2147483647", "-2147483648", "-0", "0007",
      "00000000003", "4294967296", "9223372036854775807", "-9223372036854775807",
      "000000000000000000000000000042"})
  void parseInteger_acceptsAsciiIntegers(String text) {
    assertThat(NumberParser.parseInteger(bytes(text), 0, text.length()))
        .isEqualTo(Long.parseLong(text));
  }

  /** An id or action written as {@code 3.0} or {@code 1e3} is refused (issue 17 item 4). */
  @ParameterizedTest
  @ValueSource(strings = {"", "3.5", "abc", "-", "+", "1e", "NaN", "Infinity", "1e10", "0.1",
      "3.0", "0.0", "1e3", "4294967296.0", "3,0", " 3", "3 ", "\u00001", "3\r",
      "9223372036854775808", "-9223372036854775808", "99999999999999999999"})
  void parseInteger_rejectsOtherText(String text) {
    assertThat(NumberParser.parseInteger(bytes(text), 0, text.length()))
        .isEqualTo(NumberParser.NOT_AN_INTEGER);
  }

  @Test
  void parseInteger_tenDigitsBeyondIntRangeAreReturnedForTheCallerToReject() {
    assertThat(NumberParser.parseInteger(bytes("9999999999"), 0, 10)).isEqualTo(9_999_999_999L);
  }

  /** A value like those in logs: probabilities, small model predictions, rewards, counts. */
  private static double randomLogValue(SplittableRandom random) {
    switch (random.nextInt(6)) {
      case 0:
        return random.nextDouble();
      case 1:
        return random.nextDouble() * Math.pow(10, -random.nextInt(12));
      case 2:
        return Math.round(random.nextDouble() * 1e6) / 1e6;
      case 3:
        return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
      case 4:
        return 1.0 / (1 + random.nextInt(1000));
      default:
        return random.nextInt(1000) * Math.pow(10, random.nextInt(9) - 4);
    }
  }

  /**
   * Python's repr of a double: the shortest round-trip digits (here Java's, which may carry a
   * digit more), fixed notation for decimal exponents in [-4, 16), else {@code d.ddde-XX}.
   */
  static String pythonRepr(double value) {
    if (value == 0) {
      return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - 1 - exact.scale(); // value = d.ddd * 10^exponent
    String sign = value < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
        + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }

  private static void assertSameAsJdk(String text) {
    assertSameAsJdk(text, -1);
  }

  private static void assertSameAsJdk(String text, long seed) {
    long expected = Double.doubleToRawLongBits(Double.parseDouble(text));
    long actual = Double.doubleToRawLongBits(parse(text));
    assertThat(actual)
        .as("bits of %s (seed %s): expected %s, got %s", text, seed,
            Double.longBitsToDouble(expected), Double.longBitsToDouble(actual))
        .isEqualTo(expected);
  }

  private static double parse(String text) {
    // Surround the text with other bytes to check that only [start, end) is read.
    byte[] padded = bytes("9" + text + "9");
    return NumberParser.parseDouble(padded, 1, padded.length - 1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
