package io.ope4j.internal.stats;

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
    double[] out = new double[100];
    PoissonMultiplicities.RowDrawer drawer = new PoissonMultiplicities.RowDrawer(100);
    for (long row = 0; row < draws / 100; row++) {
      drawer.fill(42, row, out);
      for (double m : out) {
        counts[(int) m]++;
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
    double[] out = new double[7];
    PoissonMultiplicities.RowDrawer drawer = new PoissonMultiplicities.RowDrawer(7);
    for (long row = 0; row < 1000; row++) {
      drawer.fill(3, row, out);
      for (int b = 0; b < 7; b++) {
        assertThat((double) PoissonMultiplicities.of(3, row, b)).isEqualTo(out[b]);
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
    double[] a = new double[64];
    double[] b = new double[64];
    PoissonMultiplicities.RowDrawer drawer = new PoissonMultiplicities.RowDrawer(64);
    drawer.fill(1, 5, a);
    drawer.fill(2, 5, b);
    assertThat(a).isNotEqualTo(b);
  }
}
