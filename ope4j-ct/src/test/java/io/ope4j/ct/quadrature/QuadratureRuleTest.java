package io.ope4j.ct.quadrature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuadratureRuleTest {

  /** ∫_0^1 (e^{sin 3t} + t²) dt, continuous_time.md §6 "Quadrature check". */
  private static final double CHECK_INTEGRAL = 2.352223178518;

  private static double checkError(QuadratureRule rule, int n) {
    double[] f = new double[n];
    for (int j = 0; j < n; j++) {
      double t = (double) j / (n - 1);
      f[j] = Math.exp(Math.sin(3 * t)) + t * t;
    }
    return Math.abs(QuadratureRule.apply(rule.weights(n, 0, 1), f) - CHECK_INTEGRAL);
  }

  /** Log-log slope of the error in h = 1/(N-1) from N = 9 to N = 33 (h shrinks fourfold). */
  private static double slope(QuadratureRule rule) {
    return Math.log(checkError(rule, 33) / checkError(rule, 9)) / Math.log(8.0 / 32.0);
  }

  @Test
  void handComputedWeights_threeNodes() {
    assertThat(QuadratureRule.left().weights(3, 0, 2)).containsExactly(1, 1, 0);
    assertThat(QuadratureRule.trapezoid().weights(3, 0, 2)).containsExactly(0.5, 1, 0.5);
    assertThat(QuadratureRule.simpson().weights(3, 0, 2)).containsExactly(1.0 / 3, 4.0 / 3, 1.0 / 3);
  }

  @Test
  void t12a_bayesWienerEqualsTrapezoidOn2to10() {
    for (int n : new int[] {2, 3, 5, 9, 17}) {
      double[] bq = QuadratureRule.bayesWiener().weights(n, 2, 10);
      double[] trap = QuadratureRule.trapezoid().weights(n, 2, 10);
      for (int j = 0; j < n; j++) {
        assertThat(bq[j]).as("N=%d node %d", n, j).isCloseTo(trap[j], within(1e-12));
      }
    }
  }

  @Test
  void checkIntegralErrorsMatchTheDocTable() {
    // continuous_time.md §6: errors at N = 9 / 33, to the 3 printed digits (half a unit of the last).
    assertThat(checkError(QuadratureRule.left(), 9)).isCloseTo(7.77e-2, within(0.005e-2));
    assertThat(checkError(QuadratureRule.left(), 33)).isCloseTo(1.84e-2, within(0.005e-2));
    assertThat(checkError(QuadratureRule.trapezoid(), 9)).isCloseTo(5.76e-3, within(0.005e-3));
    assertThat(checkError(QuadratureRule.trapezoid(), 33)).isCloseTo(3.60e-4, within(0.005e-4));
    assertThat(checkError(QuadratureRule.simpson(), 9)).isCloseTo(7.53e-6, within(0.005e-6));
    assertThat(checkError(QuadratureRule.simpson(), 33)).isCloseTo(6.99e-8, within(0.005e-8));
    double[][] matern = {{0.5, 1.79e-2, 1.13e-3}, {1.5, 9.46e-4, 1.94e-5}, {2.5, 6.17e-4, 3.53e-6},
        {3.5, 3.35e-4, 6.23e-7}};
    for (double[] row : matern) {
      QuadratureRule rule = QuadratureRule.bayesMatern(row[0], 0.5);
      assertThat(checkError(rule, 9)).as("nu=%s N=9", row[0]).isCloseTo(row[1], within(halfUnit(row[1])));
      assertThat(checkError(rule, 33)).as("nu=%s N=33", row[0]).isCloseTo(row[2], within(halfUnit(row[2])));
    }
  }

  /** Half a unit of the last of three significant digits of {@code printed}. */
  private static double halfUnit(double printed) {
    return 0.005 * Math.pow(10, Math.floor(Math.log10(printed))) * (1 + 1e-9);
  }

  @Test
  void t12b_checkIntegralSlopes() {
    assertThat(slope(QuadratureRule.left())).isCloseTo(1, within(0.1));
    assertThat(slope(QuadratureRule.trapezoid())).isCloseTo(2, within(0.05));
    assertThat(slope(QuadratureRule.bayesMatern(1.5, 0.5))).isGreaterThanOrEqualTo(2.6);
    assertThat(slope(QuadratureRule.bayesMatern(2.5, 0.5))).isGreaterThanOrEqualTo(3.5);
    assertThat(slope(QuadratureRule.bayesMatern(3.5, 0.5))).isGreaterThanOrEqualTo(4.0);
  }

  @Test
  void maternIntegralMatchesNumericalIntegrationOfTheKernel() {
    for (double nu : new double[] {0.5, 1.5, 2.5, 3.5}) {
      MaternKernel k = new MaternKernel(nu, 0.7);
      int n = 20001;
      double u = 1.3;
      double[] f = new double[n];
      for (int j = 0; j < n; j++) {
        f[j] = k.value(u * j / (n - 1));
      }
      double numeric = QuadratureRule.apply(QuadratureRule.simpson().weights(n, 0, u), f);
      assertThat(k.integral(u)).as("nu=%s", nu).isCloseTo(numeric, within(1e-12));
    }
  }

  @Test
  void parseAndBadInput() {
    assertThat(QuadratureRule.parse("bq-matern:2.5:0.5").id()).isEqualTo("bq-matern:2.5:0.5");
    assertThat(QuadratureRule.parse("Trapezoid").id()).isEqualTo("trapezoid");
    assertThatThrownBy(() -> QuadratureRule.parse("gauss")).hasMessageContaining("got 'gauss'");
    assertThatThrownBy(() -> QuadratureRule.simpson().weights(4, 0, 1)).hasMessageContaining("odd");
    assertThatThrownBy(() -> new MaternKernel(1.0, 1)).hasMessageContaining("nu");
    assertThatThrownBy(() -> QuadratureRule.bayesWiener().weights(3, 0, 1)).hasMessageContaining("t > 0");
  }
}
