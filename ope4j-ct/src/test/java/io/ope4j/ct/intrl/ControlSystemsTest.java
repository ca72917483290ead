package io.ope4j.ct.intrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** continuous_time.md §7 T1 (P*, K*, P0) and the matrix exponential behind the linear system. */
class ControlSystemsTest {

  private static final LinearControlSystem EX1 = LinearControlSystem.example1();

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
}
