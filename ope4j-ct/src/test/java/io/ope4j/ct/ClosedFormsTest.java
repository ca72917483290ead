package io.ope4j.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** continuous_time.md §7 T1: the closed forms match the doc to half a unit of the last printed digit. */
class ClosedFormsTest {

  @Test
  void t1_g1OuDiscreteFixedPoints() {
    double[] dts = {0.2, 0.1, 0.05, 0.02, 0.01};
    double[] rect = {0.508299, 0.452081, 0.425521, 0.410083, 0.405021};
    double[] trap = {0.408299, 0.402081, 0.400521, 0.400083, 0.400021};
    double[] c0 = {0.199171, 0.199792, 0.199948, 0.199992, 0.199998};
    for (int i = 0; i < dts.length; i++) {
      assertThat(ClosedForms.ouC2Rectangle(1, 0.5, dts[i])).as("rect dt=%s", dts[i]).isCloseTo(rect[i], within(0.5e-6));
      assertThat(ClosedForms.ouC2Trapezoid(1, 0.5, dts[i])).as("trap dt=%s", dts[i]).isCloseTo(trap[i], within(0.5e-6));
      assertThat(ClosedForms.ouC0(1, 0.5, 0.5, dts[i])).as("c0 dt=%s", dts[i]).isCloseTo(c0[i], within(0.5e-6));
    }
    assertThat(ClosedForms.ouValue(1, 0.5, 0.5)).containsExactly(new double[] {0.2, 0.4}, within(1e-15));
  }

  @Test
  void t1_g2BrownianFiniteHorizon() {
    assertThat(ClosedForms.brownianValue(1, 1, 0, 1)).isEqualTo(3.5);
    assertThat(ClosedForms.brownianRectangleValue(1, 1, 0.01, 1)).isCloseTo(3.495, within(0.5e-3));
    assertThat(ClosedForms.brownianRectangleValue(1, 1, 0.1, 1)).isCloseTo(3.45, within(0.5e-2));
  }

  @Test
  void t1_g3BlackScholes() {
    assertThat(ClosedForms.blackScholesCall(1, 1, 0.05, 0.2, 1)).isCloseTo(0.104506, within(0.5e-6));
    assertThat(ClosedForms.blackScholesPut(1, 1, 0.05, 0.2, 1)).isCloseTo(0.055735, within(0.5e-6));
  }

  @Test
  void t1_g5ErgodicLq() {
    double[][] rows = {
        {0, 0, 0.5, -1, -1, -0.642764},
        {-0.5, -0.5, 0.2, -0.857143, -0.214286, 0.418565},
        {-0.354249, -0.708497, 0.0354249, -0.822876, -0.291503, 0.633374}};
    for (double[] row : rows) {
      double[] truth = ClosedForms.ergodicLq(row[0], row[1], row[2], 0.1);
      assertThat(truth[0]).as("k2 at p1=%s", row[0]).isCloseTo(row[3], within(0.5e-6));
      assertThat(truth[1]).as("k1 at p1=%s", row[0]).isCloseTo(row[4], within(0.5e-6));
      assertThat(truth[2]).as("V at p1=%s", row[0]).isCloseTo(row[5], within(0.5e-6));
    }
  }
}
