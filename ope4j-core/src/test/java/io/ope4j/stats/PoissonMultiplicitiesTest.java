package io.ope4j.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoissonMultiplicitiesTest {

  @Test
  void drawsFollowPoissonOne() {
    // 10^6 draws: mean and variance 1 (SE 0.001 and ~0.0017), P(0) = P(1) = e^-1 (SE 0.0005).
    int draws = 1_000_000;
    long[] counts = new long[16];
    double sum = 0;
    double sumSquares = 0;
    byte[] out = new byte[100];
    for (long row = 0; row < draws / 100; row++) {
      PoissonMultiplicities.fill(42, row, 100, out, 0);
      for (byte m : out) {
        counts[m]++;
        sum += m;
        sumSquares += m * m;
      }
    }
    double mean = sum / draws;
    double variance = sumSquares / draws - mean * mean;
    assertThat(mean).isBetween(1 - 4 * 0.001, 1 + 4 * 0.001);
    assertThat(variance).isBetween(1 - 4 * 0.0017, 1 + 4 * 0.0017);
    assertThat(counts[0] / (double) draws).isBetween(Math.exp(-1) - 0.002, Math.exp(-1) + 0.002);
    assertThat(counts[1] / (double) draws).isBetween(Math.exp(-1) - 0.002, Math.exp(-1) + 0.002);
    assertThat(counts[2] / (double) draws).isBetween(Math.exp(-1) / 2 - 0.002, Math.exp(-1) / 2 + 0.002);
  }

  @Test
  void singleDrawEqualsTheFilledOne() {
    byte[] out = new byte[7];
    for (long row = 0; row < 1000; row++) {
      PoissonMultiplicities.fill(3, row, 7, out, 0);
      for (int b = 0; b < 7; b++) {
        assertThat(PoissonMultiplicities.of(3, row, b)).isEqualTo(out[b]);
      }
    }
  }

  @Test
  void inverseCdfEdges() {
    assertThat(PoissonMultiplicities.fromUniform(0)).isZero();
    assertThat(PoissonMultiplicities.fromUniform((long) (Math.exp(-1) * 4294967296.0) + 1)).isEqualTo(1);
    assertThat(PoissonMultiplicities.fromUniform(0xffffffffL)).isBetween(10, 12);
  }

  @Test
  void differentSeedsGiveDifferentDraws() {
    byte[] a = new byte[64];
    byte[] b = new byte[64];
    PoissonMultiplicities.fill(1, 5, 64, a, 0);
    PoissonMultiplicities.fill(2, 5, 64, b, 0);
    assertThat(a).isNotEqualTo(b);
  }
}
