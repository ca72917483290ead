package io.ope4j.ct.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.ct.ClosedForms;
import io.ope4j.ct.PathBlock;
import io.ope4j.ct.intrl.LinearControlSystem;
import io.ope4j.ct.intrl.Matrices;
import io.ope4j.ct.intrl.SinSystem;
import org.junit.jupiter.api.Test;

/** Each simulator against its law: moments with k-standard-error tolerances, or exact solutions. */
class SimulatorsTest {

  @Test
  void ouHasTheStationaryVarianceAndLagOneCorrelation() {
    OrnsteinUhlenbeck ou = OrnsteinUhlenbeck.stationary(1, 0.5, 0.5, 0.1, 1, 5);
    PathBlock block = new PathBlock(1);
    int n = 100_000;
    ou.simulate(0, n, block);
    double sxx = 0;
    double sxy = 0;
    for (int p = 0; p < n; p++) {
      double x0 = block.x()[2 * p];
      double x1 = block.x()[2 * p + 1];
      sxx += x0 * x0 / n;
      sxy += x0 * x1 / n;
    }
    // Var = σ²/2κ = 0.125; sd of the sample variance ≈ 0.125·√(2/n) = 5.6e-4 (4 se allowed).
    assertThat(sxx).isCloseTo(0.125, within(2.3e-3));
    // Cov(x0, x1) = e^{-κΔt}·0.125 = 0.11311; its sample sd is about 5.3e-4.
    assertThat(sxy).isCloseTo(Math.exp(-0.1) * 0.125, within(2.2e-3));
  }

  @Test
  void gbmDiscountedPayoffAveragesToTheBlackScholesPrice() {
    GeometricBrownianMotion gbm = new GeometricBrownianMotion(0.05, 0.2, 1, true, 1, 0, 1, 1, 8);
    PathBlock block = new PathBlock(1);
    int n = 200_000;
    gbm.simulate(0, n, block);
    double sum = 0;
    double squares = 0;
    for (int p = 0; p < n; p++) {
      double discounted = Math.exp(-0.05) * block.payoff()[p];
      sum += discounted;
      squares += discounted * discounted;
    }
    double mean = sum / n;
    double se = Math.sqrt((squares / n - mean * mean) / n);
    assertThat(mean).isCloseTo(ClosedForms.blackScholesCall(1, 1, 0.05, 0.2, 1), within(4 * se));
  }

  @Test
  void linearSystemPathsFollowTheMatrixExponential() {
    LinearControlSystem system = LinearControlSystem.example1();
    double[] k = system.optimalGain();
    ControlledSystemPaths paths = new ControlledSystemPaths(system, x -> -(k[0] * x[0] + k[1] * x[1] + k[2] * x[2]),
        new double[] {2, -2, 3}, 0, 0.1, 20, 20, 1);
    PathBlock block = new PathBlock(3);
    paths.simulate(0, 1, block);
    double[][] closed = Matrices.closedLoop(system.a(), system.b(), k);
    double[][] scaled = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        scaled[i][j] = closed[i][j] * 2.0;
      }
    }
    double[] end = Matrices.apply(Matrices.exp(scaled), new double[] {2, -2, 3});
    for (int i = 0; i < 3; i++) {
      assertThat(block.x()[20 * 3 + i]).isCloseTo(end[i], within(1e-9));
    }
  }

  @Test
  void sinSystemUnderTheOptimalPolicyHasCostToGoHalfX1SquaredPlusX2Squared() {
    // V* = x₁²/2 + x₂² (Cao & Pan 2024, Ex. 2): ∫_0^T l dt + V*(x_T) = V*(x_0).
    ControlledSystemPaths paths = new ControlledSystemPaths(new SinSystem(), x -> -Math.sin(x[0]) * x[1],
        new double[] {1, 1}, 0, 0.001, 5000, 2, 1);
    PathBlock block = new PathBlock(2);
    paths.simulate(0, 1, block);
    double integral = 0;
    for (int row = 0; row < 5000; row++) {
      integral += 0.001 / 2 * (block.r()[row] + block.r()[row + 1]);
    }
    double x1 = block.x()[2 * 5000];
    double x2 = block.x()[2 * 5000 + 1];
    assertThat(integral + x1 * x1 / 2 + x2 * x2).isCloseTo(1.5, within(1e-6));
  }

  @Test
  void sameDrawsForAPathWhateverTheChunk() {
    BrownianMotion bm = new BrownianMotion(1, 1, 0.1, 10, 3);
    PathBlock all = new PathBlock(1);
    bm.simulate(0, 5, all);
    PathBlock one = new PathBlock(1);
    bm.simulate(3, 1, one);
    for (int row = 0; row < 11; row++) {
      assertThat(one.x()[row]).isEqualTo(all.x()[3 * 11 + row]);
    }
  }
}
