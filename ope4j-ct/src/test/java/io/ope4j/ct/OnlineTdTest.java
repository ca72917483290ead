package io.ope4j.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Online updates on one hand-computable path: t = 0, 1, 2; x = 1, 2, 3; r = 1, 2, 3; payoff 10;
 * finite T = 2, β = 0, left rewards R = (1, 2), J = θx from θ = 0, α = 0.01.
 */
class OnlineTdTest {

  private static final CtProblem FINITE = CtProblem.finite(0, 2);
  private static final ParametricValue X = ParametricValue.linear(Bases.parse("x", List.of("x")));

  private static PathBlock tinyPath() {
    PathBlock block = new PathBlock(1);
    block.startPath(0, 1);
    for (int k = 0; k < 3; k++) {
      block.addRow(k, new double[] {k + 1}, 0, k + 1);
    }
    block.endPath(10);
    return block;
  }

  private static double afterOneEpoch(OnlineTd.Options options) {
    OnlineTd learner = new OnlineTd(FINITE, X, options, new double[1]);
    LockstepDriver.run(tinyPath(), FINITE, RewardRule.left(), 1, List.of(learner));
    return learner.theta()[0];
  }

  @Test
  void td0ByHand() {
    // Step 0: δ = 0 - 0 + 1, θ += α·1·1. Step 1 (terminal, J := 10): δ = 10 - 2α + 2, θ += α·2·δ.
    double alpha = 0.01;
    assertThat(afterOneEpoch(OnlineTd.Options.of(OnlineTd.Algorithm.TD0, alpha)))
        .isCloseTo(alpha + alpha * 2 * (12 - 2 * alpha), within(1e-15));
  }

  @Test
  void tdLambdaByHand() {
    // Traces e = (1, 0.5·1 + 2·1) = (1, 2.5).
    double alpha = 0.01;
    assertThat(afterOneEpoch(OnlineTd.Options.of(OnlineTd.Algorithm.TD_LAMBDA, alpha).withLambda(0.5)))
        .isCloseTo(alpha + alpha * 2.5 * (12 - 2 * alpha), within(1e-15));
  }

  @Test
  void onlineMartingaleLossIsTheMartingaleLossGradientToFirstOrder() {
    // Traces z = (1, 1/g + 2) = (1, 3): θ = α + 3α(12 - 2α) = 37α - 6α². The ML gradient at θ = 0 is
    // Σ_j x_j Δt G_j = 1·13 + 2·12 = 37 (G = (13, 12)): the trace form is that gradient to O(α²).
    double alpha = 0.01;
    assertThat(afterOneEpoch(OnlineTd.Options.of(OnlineTd.Algorithm.MARTINGALE, alpha)))
        .isCloseTo(37 * alpha - 6 * alpha * alpha, within(1e-15));
  }

  @Test
  void gtd2ByHand() {
    // Step 0: u = ξᵀw = 0, so θ stays; w += 0.1·(1·1 - 0) = 0.1. Step 1: u = 2·0.1 = 0.2,
    // θ += α (φ - g·0) u = 0.01·2·0.2 (the terminal next value is the payoff, with no gradient).
    assertThat(afterOneEpoch(OnlineTd.Options.of(OnlineTd.Algorithm.GTD2, 0.01).withAux(0.1)))
        .isCloseTo(0.004, within(1e-15));
  }

  @Test
  void sameIterateOnOneAndTwoThreads() {
    // 600 steps span three simulation blocks, generated ahead in parallel with two threads.
    io.ope4j.ct.sim.OrnsteinUhlenbeck ou = io.ope4j.ct.sim.OrnsteinUhlenbeck.stationary(1, 0.5, 0.5, 0.05, 600, 12);
    ParametricValue value = ParametricValue.linear(Bases.parse("1,x,x^2", List.of("x")));
    double[][] theta = new double[2][];
    for (int threads = 1; threads <= 2; threads++) {
      OnlineTd td = new OnlineTd(ou.problem(), value, OnlineTd.Options.of(OnlineTd.Algorithm.TD0, 0.5), new double[3]);
      LockstepDriver.run(ou, 200, threads, RewardRule.trapezoid(), List.of(td));
      theta[threads - 1] = td.theta();
    }
    assertThat(theta[1]).containsExactly(theta[0]);
  }

  @Test
  void polyakAverageAndMisuse() {
    OnlineTd learner = new OnlineTd(FINITE, X, OnlineTd.Options.of(OnlineTd.Algorithm.TD0, 0.01).withAverageFrom(1),
        new double[1]);
    LockstepDriver.run(tinyPath(), FINITE, RewardRule.left(), 1, List.of(learner));
    assertThat(learner.averagedTheta()[0]).isEqualTo(learner.theta()[0]); // only the last step is averaged
    assertThat(learner.steps()).isEqualTo(2);
    assertThatThrownBy(() -> new OnlineTd(CtProblem.ergodic(), X, OnlineTd.Options.of(OnlineTd.Algorithm.TD0, 0.1),
        new double[1])).hasMessageContaining("ergodic");
    assertThatThrownBy(() -> LockstepDriver.run(tinyPath(), FINITE,
        new RewardRule(io.ope4j.ct.quadrature.QuadratureRule.simpson(), 2), 1, List.of(learner)))
        .hasMessageContaining("one step at a time");
  }
}
