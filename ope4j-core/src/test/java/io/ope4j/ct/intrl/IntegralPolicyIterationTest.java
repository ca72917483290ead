package io.ope4j.ct.intrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.ct.quadrature.QuadratureRule;
import org.junit.jupiter.api.Test;

/** continuous_time.md §7 T1 (P*, K*, P0) and T12 (c)–(e): integral RL with quadrature. */
class IntegralPolicyIterationTest {

  private static final double[] X0 = {2, -2, 3};
  private static final LinearControlSystem EX1 = LinearControlSystem.example1();

  private static double distance(double[] w, double[][] p) {
    double sum = 0;
    int n = p.length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double d = w[i * n + j] - p[i][j];
        sum += d * d;
      }
    }
    return Math.sqrt(sum);
  }

  private static double ex1PolicyIterationError(int nodes, QuadratureRule rule, int rows) {
    IntegralPolicyIteration pi = new IntegralPolicyIteration(EX1, QuadraticBasis.kronecker(3),
        IntegralPolicyIteration.Options.of(0.1, nodes, rows, rule));
    IntegralPolicyIteration.Result result = pi.run(new double[9], X0);
    assertThat(result.converged()).as("N=%d converged", nodes).isTrue();
    return distance(result.weights(), EX1.optimalCostMatrix());
  }

  private static double ex2PolicyIterationError(int nodes) {
    IntegralPolicyIteration pi = new IntegralPolicyIteration(new SinSystem(), QuadraticBasis.upperTriangle(2),
        IntegralPolicyIteration.Options.of(0.1, nodes, 20, QuadratureRule.trapezoid()).withMaxIterations(20));
    IntegralPolicyIteration.Result result = pi.run(new double[] {-1, 3, 1.5}, new double[] {1, 1});
    assertThat(result.converged()).isTrue();
    double[] optimal = {0.5, 0, 1};
    double sum = 0;
    for (int k = 0; k < 3; k++) {
      sum += (result.weights()[k] - optimal[k]) * (result.weights()[k] - optimal[k]);
    }
    return Math.sqrt(sum);
  }

  @Test
  void t1_riccatiAndLyapunovTruths() {
    double[][] expectedP = {{2.355031, 2.238452, 0.904988}, {2.238452, 4.241942, 1.893095},
        {0.904988, 1.893095, 1.596996}};
    double[][] p = EX1.optimalCostMatrix();
    double[] k = EX1.optimalGain();
    double[][] p0 = EX1.costMatrix(new double[3]);
    double[][] expectedP0 = {{3.64, 5.2, 5}, {5.2, 11.48, 11.4}, {5, 11.4, 17}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(p[i][j]).as("P*[%d][%d]", i, j).isCloseTo(expectedP[i][j], within(0.5e-6));
        assertThat(p0[i][j]).as("P0[%d][%d]", i, j).isCloseTo(expectedP0[i][j], within(0.5e-2));
      }
      assertThat(k[i]).isCloseTo(expectedP[2][i], within(0.5e-6)); // K* = BᵀP*, the last row
    }
  }

  @Test
  void matrixExponentialOfADiagonalAndANilpotentMatrix() {
    double[][] e = Matrices.exp(new double[][] {{1, 0}, {0, -2}});
    assertThat(e[0][0]).isCloseTo(Math.E, within(1e-14));
    assertThat(e[1][1]).isCloseTo(Math.exp(-2), within(1e-15));
    double[][] shear = Matrices.exp(new double[][] {{0, 3}, {0, 0}});
    assertThat(shear[0][1]).isCloseTo(3, within(1e-14)); // e^N = I + N for N² = 0
    assertThat(shear[1][0]).isEqualTo(0);
  }

  @Test
  void t12c_trapezoidEvaluationErrorAtKZero() {
    double[][] p0 = EX1.costMatrix(new double[3]);
    double[] errors = new double[2];
    int[] nodes = {5, 9};
    for (int i = 0; i < 2; i++) {
      IntegralPolicyIteration pi = new IntegralPolicyIteration(EX1, QuadraticBasis.kronecker(3),
          IntegralPolicyIteration.Options.of(0.1, nodes[i], 20, QuadratureRule.trapezoid()));
      errors[i] = distance(pi.evaluate(new double[9], X0, new double[3]), p0);
    }
    assertThat(errors[0]).isBetween(1.0e-4, 1.2e-4);
    assertThat(errors[1]).isBetween(2.5e-5, 3.0e-5);
    assertThat(errors[0] / errors[1]).isCloseTo(4, within(0.1)); // O(h²): h halves from N=5 to N=9
  }

  @Test
  void leftRectangleEvaluationErrorIsFirstOrder() {
    // The empirical order of the left rule on noise-free data: halving h halves the error.
    double[][] p0 = EX1.costMatrix(new double[3]);
    double[] errors = new double[2];
    int[] nodes = {9, 17};
    for (int i = 0; i < 2; i++) {
      IntegralPolicyIteration pi = new IntegralPolicyIteration(EX1, QuadraticBasis.kronecker(3),
          IntegralPolicyIteration.Options.of(0.1, nodes[i], 20, QuadratureRule.left()));
      errors[i] = distance(pi.evaluate(new double[9], X0, new double[3]), p0);
    }
    assertThat(Math.log(errors[0] / errors[1]) / Math.log(2)).isCloseTo(1, within(0.1));
  }

  @Test
  void t12d_trapezoidPolicyIterationErrorIsOrderNMinusOneSquared() {
    assertThat(ex1PolicyIterationError(5, QuadratureRule.trapezoid(), 10)).isCloseTo(1.1776e-3, within(1e-6));
    for (int n : new int[] {5, 9, 15}) {
      double scaled = (n - 1) * (n - 1) * ex1PolicyIterationError(n, QuadratureRule.trapezoid(), 10);
      assertThat(scaled).as("Ex.1 N=%d", n).isCloseTo(0.01883, within(1e-4));
    }
    assertThat(ex2PolicyIterationError(5)).isCloseTo(1.2876e-4, within(5e-7));
    for (int n : new int[] {5, 9, 15}) {
      assertThat((n - 1) * (n - 1) * ex2PolicyIterationError(n)).as("Ex.2 N=%d", n).isCloseTo(0.00206, within(2e-5));
    }
  }

  @Test
  void t12e_maternBayesianQuadraturePolicyIteration() {
    QuadratureRule bq = QuadratureRule.bayesMatern(3.5, 0.3);
    double at5 = ex1PolicyIterationError(5, bq, 20);
    double at9 = ex1PolicyIterationError(9, bq, 20);
    assertThat(at5).isLessThan(6e-5);
    assertThat(at9).isLessThan(3e-6);
    assertThat(Math.log(at9 / at5) / Math.log(8.0 / 4.0)).isLessThanOrEqualTo(-3.5);
  }
}
