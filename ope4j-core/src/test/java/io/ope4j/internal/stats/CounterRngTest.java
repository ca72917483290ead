package io.ope4j.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CounterRngTest {

  /**
   * Tolerance of the statistical checks, in standard errors. Seeds are fixed, so a check either
   * always passes or always fails; at 4 SE a correct generator fails a given check with
   * probability about 6e-5.
   */
  private static final double K_SE = 4.0;

  private static final int N = 1_000_000;

  @Test
  void bits_matchSplittableRandom() {
    // The JDK's SplittableRandom is the reference SplitMix64: its c-th nextLong() from seed k is
    // mix64(k + c * GOLDEN_GAMMA), which is our value at counter c.
    for (long key : new long[] {0L, 1L, -7L, 0x123456789abcdefL}) {
      SplittableRandom reference = new SplittableRandom(key);
      for (long counter = 1; counter <= 1000; counter++) {
        assertThat(CounterRng.bits(key, counter)).as("key %s counter %s", key, counter)
            .isEqualTo(reference.nextLong());
      }
    }
  }

  @Test
  void mix64_isTheStaffordMix13Finalizer() {
    // 0 is a fixed point of every xor-shift-multiply finalizer; 1 checks the constants.
    assertThat(CounterRng.mix64(0L)).isZero();
    long z = 1L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    assertThat(CounterRng.mix64(1L)).isEqualTo(z ^ (z >>> 31));
  }

  @Test
  void uniform_isInUnitIntervalWithUniformMoments() {
    long key = CounterRng.key(20240601L, 3);
    double sum = 0.0;
    double squares = 0.0;
    double min = 1.0;
    double max = 0.0;
    for (int i = 0; i < N; i++) {
      double u = CounterRng.uniform(key, i);
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      squares += (u - 0.5) * (u - 0.5);
    }
    assertThat(min).isGreaterThanOrEqualTo(0.0);
    assertThat(max).isLessThan(1.0);
    // U(0,1): mean 1/2, variance 1/12; Var((U - 1/2)^2) = 1/80 - 1/144 = 1/180.
    assertThat(sum / N).isCloseTo(0.5, within(K_SE * Math.sqrt(1.0 / 12 / N)));
    assertThat(squares / N).isCloseTo(1.0 / 12, within(K_SE * Math.sqrt(1.0 / 180 / N)));
  }

  @Test
  void uniform_usesTopFiftyThreeBits() {
    long key = CounterRng.key(5L, 0);
    for (long counter = 0; counter < 1000; counter++) {
      double u = CounterRng.uniform(key, counter);
      assertThat(u * 0x1.0p53).isEqualTo((double) (CounterRng.bits(key, counter) >>> 11));
    }
    assertThat(CounterRng.uniform(5L, 0, 17)).isEqualTo(CounterRng.uniform(key, 17));
  }

  @Test
  void bits_noTwoCountersOrStreamsShareAValue() {
    int perStream = 25_000;
    long[] values = new long[4 * perStream];
    for (int stream = 0; stream < 4; stream++) {
      long key = CounterRng.key(42L, stream);
      for (int counter = 0; counter < perStream; counter++) {
        values[stream * perStream + counter] = CounterRng.bits(key, counter);
      }
    }
    Arrays.sort(values);
    for (int i = 1; i < values.length; i++) {
      assertThat(values[i]).as("sorted value %s", i).isNotEqualTo(values[i - 1]);
    }
  }

  @Test
  void key_differsBySeedAndStream() {
    assertThat(CounterRng.key(1L, 0)).isNotEqualTo(CounterRng.key(1L, 1));
    assertThat(CounterRng.key(1L, 0)).isNotEqualTo(CounterRng.key(2L, 0));
    assertThat(CounterRng.key(1L, 0)).isEqualTo(CounterRng.key(1L, 0));
  }

  @Test
  void streams_areUncorrelated() {
    long first = CounterRng.key(9L, 0);
    long second = CounterRng.key(9L, 1);
    double cross = 0.0;
    for (int i = 0; i < N; i++) {
      cross += (CounterRng.uniform(first, i) - 0.5) * (CounterRng.uniform(second, i) - 0.5);
    }
    // Independent uniforms: E = 0, Var((U - 1/2)(V - 1/2)) = (1/12)^2.
    assertThat(cross / N).isCloseTo(0.0, within(K_SE * (1.0 / 12) / Math.sqrt(N)));
  }

  @Test
  void below_isUniformOverItsRange() {
    int bound = 7;
    long key = CounterRng.key(11L, 2);
    long[] counts = new long[bound];
    for (int i = 0; i < N; i++) {
      counts[CounterRng.below(key, i, bound)]++; // out of range would throw here
    }
    double p = 1.0 / bound;
    for (int v = 0; v < bound; v++) {
      assertThat(counts[v] / (double) N).as("frequency of %s", v)
          .isCloseTo(p, within(K_SE * Math.sqrt(p * (1 - p) / N)));
    }
  }

  @Test
  void below_coversLargeBoundsAndRejectsNonPositive() {
    long key = CounterRng.key(3L, 3);
    int max = 0;
    for (int i = 0; i < 10_000; i++) {
      int value = CounterRng.below(key, i, Integer.MAX_VALUE);
      assertThat(value).isBetween(0, Integer.MAX_VALUE - 1);
      max = Math.max(max, value);
    }
    // 10^4 draws over 2^31 values: the largest is above 99% of the range with probability
    // 1 - 0.99^10000 > 1 - 1e-40. Checks that the unsigned high word is used, not the signed one.
    assertThat(max).isGreaterThan((int) (0.99 * Integer.MAX_VALUE));
    assertThatThrownBy(() -> CounterRng.below(key, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bound");
  }

  @Test
  void gaussian_hasStandardNormalMoments() {
    long key = CounterRng.key(77L, 5);
    double sum = 0.0;
    double squares = 0.0;
    long outside = 0;
    for (int i = 0; i < N; i++) {
      double z = CounterRng.gaussian(key, i);
      sum += z;
      squares += z * z;
      outside += Math.abs(z) > 1.959963984540054 ? 1 : 0;
    }
    // N(0,1): mean 0 (SE 1/sqrt(n)), E z^2 = 1 with Var(z^2) = 2, P(|z| > 1.96) = 0.05.
    assertThat(sum / N).isCloseTo(0.0, within(K_SE / Math.sqrt(N)));
    assertThat(squares / N).isCloseTo(1.0, within(K_SE * Math.sqrt(2.0 / N)));
    assertThat(outside / (double) N).isCloseTo(0.05, within(K_SE * Math.sqrt(0.05 * 0.95 / N)));
  }

  @Test
  void gaussian_isAPureFunctionOfKeyAndCounter() {
    long key = CounterRng.key(1L, 1);
    double[] forward = new double[100];
    for (int i = 0; i < 100; i++) {
      forward[i] = CounterRng.gaussian(key, i);
    }
    for (int i = 99; i >= 0; i--) {
      assertThat(CounterRng.gaussian(key, i)).isEqualTo(forward[i]);
    }
  }
}
