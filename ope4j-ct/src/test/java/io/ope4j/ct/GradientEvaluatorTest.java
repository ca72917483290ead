package io.ope4j.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.ct.sim.BrownianMotion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradient iterations for a nonlinear family, checked against G2 and against batch least squares. */
class GradientEvaluatorTest {

  /** J^θ = θ₀x²(1+τ) + e^{θ₁}(τ + τ²/2): nonlinear in θ₁; G2's truth is θ = (1, 0). */
  static final ParametricValue NONLINEAR = new ParametricValue() {
    @Override
    public int parameterCount() {
      return 2;
    }

    @Override
    public List<String> parameterNames() {
      return List.of("a", "log b");
    }

    @Override
    public boolean dependsOnTime() {
      return true;
    }

    @Override
    public double valueAndGradient(double[] theta, double t, double tau, double[] x, int o, double[] gradient) {
      double quadratic = x[o] * x[o] * (1 + tau);
      double time = tau + tau * tau / 2;
      double scale = Math.exp(theta[1]);
      gradient[0] = quadratic;
      gradient[1] = scale * time;
      return theta[0] * quadratic + scale * time;
    }
  };

  private static PathBlock brownian(int paths, double dt, long seed) {
    BrownianMotion bm = new BrownianMotion(1, 1, dt, (int) Math.round(1 / dt), seed);
    PathBlock block = new PathBlock(1);
    bm.simulate(0, paths, block);
    return block;
  }

  @Test
  void martingaleLossAndTd0ConvergeNearTheTruthForANonlinearFamily() {
    PathBlock data = brownian(2000, 0.1, 3);
    GradientEvaluator evaluator = new GradientEvaluator(CtProblem.finite(0, 1), NONLINEAR, RewardRule.trapezoid());
    GradientEvaluator.Result ml = evaluator.fit(data, GradientEvaluator.Objective.MARTINGALE_LOSS,
        new double[] {0.5, -1}, 0.1, 2000, 1e-7);
    GradientEvaluator.Result td = evaluator.fit(data, GradientEvaluator.Objective.TD0, new double[] {0.5, -1}, 0.1, 2000, 1e-7);
    // 2000 paths: the sampling sd of θ₀ is about 0.03 and of θ₁ about 0.07 (about 4 sd allowed);
    // the rectangle/trapezoid bias at Δt = 0.1 is far smaller.
    assertThat(ml.theta()[0]).isCloseTo(1, within(0.12));
    assertThat(ml.theta()[1]).isCloseTo(0, within(0.3));
    assertThat(td.theta()[0]).isCloseTo(1, within(0.12));
    assertThat(td.theta()[1]).isCloseTo(0, within(0.3));
    assertThat(ml.lastStep()).isLessThan(1e-7);
  }

  @Test
  void gradientMartingaleLossOnALinearFamilyEqualsTheBatchLeastSquares() {
    // The ML objective is quadratic for a linear family: gradient descent converges to the
    // weighted least-squares solution that LinearEvaluator computes in closed form.
    PathBlock data = brownian(200, 0.1, 9);
    Features basis = Bases.parse("x^2,1", List.of("x"));
    CtProblem problem = CtProblem.finite(0, 1);
    GradientEvaluator.Result gradient = new GradientEvaluator(problem, ParametricValue.linear(basis), RewardRule.left())
        .fit(data, GradientEvaluator.Objective.MARTINGALE_LOSS, new double[2], 0.1, 100_000, 1e-12);
    LinearEvaluator batch = new LinearEvaluator(problem, basis, LinearEvaluator.Options.of(LinearMethod.ML, RewardRule.left()));
    double[] exact = batch.fit(new BrownianMotion(1, 1, 0.1, 10, 9), 200, false).theta();
    for (int k = 0; k < 2; k++) {
      assertThat(gradient.theta()[k]).as("theta %d", k).isCloseTo(exact[k], within(1e-6));
    }
  }
}
