package io.ope4j.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.internal.stats.CounterRng;
import org.junit.jupiter.api.Test;

class BernoulliThompsonSamplingTest {

  /**
   * Tolerance of the statistical checks in standard errors. Seeds are fixed, so each check always
   * passes or always fails; a correct sampler fails one 5-SE check with probability ~6e-7.
   */
  private static final double K_SE = 5.0;

  /**
   * P(X2 > X1) for X1 ~ Beta(a1, b1), X2 ~ Beta(a2, b2) with integer parameters: E. Miller,
   * "Formulas for Bayesian A/B testing" (2015), sum over i < a2 of B(a1 + i, b1 + b2) / ((b2 + i)
   * B(1 + i, b2) B(a1, b1)).
   */
  private static double probabilitySecondLarger(int a1, int b1, int a2, int b2) {
    double total = 0;
    for (int i = 0; i < a2; i++) {
      total += beta(a1 + i, b1 + b2) / ((b2 + i) * beta(1 + i, b2) * beta(a1, b1));
    }
    return total;
  }

  /** B(a, b) = (a-1)! (b-1)! / (a+b-1)! for positive integers. */
  private static double beta(int a, int b) {
    return factorial(a - 1) * factorial(b - 1) / factorial(a + b - 1);
  }

  private static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }

  @Test
  void twoItems_matchTheClosedFormProbabilityThatOneBetaExceedsTheOther() {
    double exact = probabilitySecondLarger(3, 5, 4, 4);
    assertThat(exact).isCloseTo(302.0 / 429.0, within(1e-14)); // exact rational, by hand
    int n = 400_000;
    BernoulliThompsonSampling bts = BernoulliThompsonSampling.of(new double[] {3, 4}, new double[] {5, 4}, 2);
    long[] counts = bts.slotCounts(n, 42L, 2);
    double se = Math.sqrt(exact * (1 - exact) / n);
    // Slot 0 holds item 1 when X2 > X1; slot 1 holds the other item.
    assertThat((double) counts[1] / n).isCloseTo(exact, within(K_SE * se));
    assertThat(counts[0] + counts[1]).isEqualTo(n);
    assertThat(counts[2]).isEqualTo(counts[1]);
    assertThat(counts[3]).isEqualTo(counts[0]);
  }

  @Test
  void equalPriors_giveEveryItemEveryRankEqually() {
    int k = 4;
    int n = 200_000;
    double[] one = {2.5, 2.5, 2.5, 2.5};
    PositionTablePolicy table = BernoulliThompsonSampling.of(one, new double[] {0.7, 0.7, 0.7, 0.7}, 3)
        .actionDistribution(n, 7L, 2);
    double se = Math.sqrt(0.25 * 0.75 / n);
    for (int p = 0; p < 3; p++) {
      for (int a = 0; a < k; a++) {
        assertThat(table.probability(p, a)).as("slot %s item %s", p, a).isCloseTo(0.25, within(K_SE * se));
      }
    }
  }

  @Test
  void progress_isToldTheSimulationsDoneAfterEachChunk_inOrder() {
    BernoulliThompsonSampling bts = BernoulliThompsonSampling.of(new double[] {3, 4}, new double[] {5, 4}, 2);
    long simulations = 2L * BernoulliThompsonSampling.CHUNK + 7;
    java.util.List<Long> done = new java.util.ArrayList<>();
    long[] counts = bts.slotCounts(simulations, 9L, 3, done::add);
    assertThat(done).containsExactly((long) BernoulliThompsonSampling.CHUNK, 2L * BernoulliThompsonSampling.CHUNK,
        simulations);
    assertThat(counts).containsExactly(bts.slotCounts(simulations, 9L, 1));
  }

  @Test
  void counts_areTheSameForAnyThreadCount() {
    double[] alpha = {47, 8, 62, 142, 3, 14, 7, 857, 12, 15};
    double[] beta = {3000, 900, 4000, 7000, 400, 1000, 700, 40000, 1000, 1200};
    BernoulliThompsonSampling bts = BernoulliThompsonSampling.of(alpha, beta, 3);
    long simulations = 3L * BernoulliThompsonSampling.CHUNK + 123;
    long[] one = bts.slotCounts(simulations, 12345L, 1);
    assertThat(bts.slotCounts(simulations, 12345L, 2)).containsExactly(one);
    assertThat(bts.slotCounts(simulations, 12345L, 5)).containsExactly(one);
    for (int p = 0; p < 3; p++) {
      long total = 0;
      for (int a = 0; a < alpha.length; a++) {
        total += one[p * alpha.length + a];
      }
      assertThat(total).isEqualTo(simulations);
    }
    assertThat(bts.slotCounts(simulations, 12346L, 2)).isNotEqualTo(one);
  }

  @Test
  void gammaDeviates_haveMeanAndVarianceOfTheShape() {
    // Gamma(s, 1) has mean s and variance s; the sample mean's SE is sqrt(s / n), the sample
    // variance's about sqrt((m4 - s^2) / n) with fourth central moment m4 = 3 s^2 + 6 s.
    int n = 400_000;
    double[] constants = new double[3];
    for (double shape : new double[] {0.3, 1.0, 3.0, 857.0}) {
      GammaStream.constants(shape, constants, 0);
      GammaStream stream = new GammaStream();
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        stream.reset(CounterRng.key(99L, i));
        double g = stream.gamma(constants[0], constants[1], constants[2]);
        assertThat(g).isGreaterThan(0.0);
        sum += g;
        squares += (g - shape) * (g - shape);
      }
      assertThat(sum / n).as("mean, shape %s", shape).isCloseTo(shape, within(K_SE * Math.sqrt(shape / n)));
      double m4 = 3 * shape * shape + 6 * shape;
      assertThat(squares / n).as("variance, shape %s", shape)
          .isCloseTo(shape, within(K_SE * Math.sqrt((m4 - shape * shape) / n)));
    }
  }

  @Test
  void badParameters_areRejected() {
    assertThatThrownBy(() -> BernoulliThompsonSampling.of(new double[] {1, 2}, new double[] {1}, 1))
        .hasMessageContaining("one value per item");
    assertThatThrownBy(() -> BernoulliThompsonSampling.of(new double[] {1, 0}, new double[] {1, 1}, 1))
        .hasMessageContaining("item 1");
    assertThatThrownBy(() -> BernoulliThompsonSampling.of(new double[] {1, 2}, new double[] {1, 1}, 3))
        .hasMessageContaining("slots");
    BernoulliThompsonSampling ok = BernoulliThompsonSampling.of(new double[] {1, 2}, new double[] {1, 1}, 1);
    assertThatThrownBy(() -> ok.slotCounts(0, 1, 1)).hasMessageContaining("simulations");
  }
}
