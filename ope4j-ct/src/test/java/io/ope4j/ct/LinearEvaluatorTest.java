package io.ope4j.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.ct.quadrature.QuadratureRule;
import io.ope4j.ct.sim.OrnsteinUhlenbeck;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed tiny cases (exact), and invariance to threads and chunking. */
class LinearEvaluatorTest {

  private static final Features X = Bases.parse("x", List.of("x"));
  private static final CtProblem FINITE = CtProblem.finite(0, 2);

  /** One path: t = 0, 1, 2; x = 1, 2, 3; r = 1, 2, 3; payoff 10. */
  private static PathBlock tinyPath() {
    PathBlock block = new PathBlock(1);
    block.startPath(0, 1);
    for (int k = 0; k < 3; k++) {
      block.addRow(k, new double[] {k + 1}, 0, k + 1);
    }
    block.endPath(10);
    return block;
  }

  /** A source that yields {@code block} once. */
  static PathSource once(PathBlock block) {
    return new PathSource() {
      boolean done;

      @Override
      public String name() {
        return "memory";
      }

      @Override
      public List<String> stateNames() {
        return List.of("x");
      }

      @Override
      public boolean next(PathBlock target, int rows) {
        if (done) {
          return false;
        }
        done = true;
        target.clear();
        for (int p = 0; p < block.paths(); p++) {
          target.startPath(block.ids()[p], block.firstDataRows()[p]);
          for (int row = block.offsets()[p]; row < block.offsets()[p + 1]; row++) {
            target.addRow(block.t()[row], block.x(), row * block.dim(), block.r()[row]);
          }
          target.endPath(block.payoff()[p]);
        }
        return true;
      }

      @Override
      public void close() {}
    };
  }

  private static double theta(LinearMethod method, RewardRule rewards, double lambda) throws IOException {
    LinearEvaluator.Options options = new LinearEvaluator.Options(method, lambda, rewards, 1e-3, 1);
    return new LinearEvaluator(FINITE, X, options).fit(() -> once(tinyPath()), 1, false).theta()[0];
  }

  @Test
  void tinyPath_everyMethodByHand() throws IOException {
    // Transitions: (x 1→2, R0), (x 2→3 terminal, R1 + h). Left: R = (1, 2).
    // LSTD(0): A = 1·(1-2) + 2·2 = 3, b = 1·1 + 2·(2+10) = 25.
    assertThat(theta(LinearMethod.LSTD, RewardRule.left(), 0)).isCloseTo(25.0 / 3, within(1e-14));
    // Trapezoid: R = (1.5, 2.5): b = 1.5 + 2·12.5 = 26.5.
    assertThat(theta(LinearMethod.LSTD, RewardRule.trapezoid(), 0)).isCloseTo(26.5 / 3, within(1e-14));
    // LSTD(λ = 0.5): ξ = (1, 0.5·1 + 2) = (1, 2.5): A = -1 + 5 = 4, b = 1 + 30 = 31.
    assertThat(theta(LinearMethod.LSTD, RewardRule.left(), 0.5)).isCloseTo(31.0 / 4, within(1e-14));
    // ML: G = (13, 12), weights Δt = 1: A = 1 + 4, b = 13 + 24.
    assertThat(theta(LinearMethod.ML, RewardRule.left(), 0)).isCloseTo(37.0 / 5, within(1e-14));
    // MSTDE: ξ = z = (-1, 2): A = 5, b = -1 + 24.
    assertThat(theta(LinearMethod.MSTDE, RewardRule.left(), 0)).isCloseTo(23.0 / 5, within(1e-14));
    // Simpson over a window of 2 steps: one terminal transition, R = (1/3)(1 + 4·2 + 3) = 4: θ = 4 + 10.
    assertThat(theta(LinearMethod.LSTD, new RewardRule(QuadratureRule.simpson(), 2), 0)).isCloseTo(14, within(1e-13));
  }

  @Test
  void discountWeightsTheRewardInsideAWindow() throws IOException {
    // β = ln 2: Simpson over t = 0, 1, 2 weights r_j by 2^{-t_j}: R = (1/3)(1 + 4·2/2 + 3/4) = 1.9166...;
    // terminal y = R + g h with g = 1/4: θ = (23/12 + 2.5) / 1.
    CtProblem discountedFinite = CtProblem.finite(Math.log(2), 2);
    LinearEvaluator.Options options = new LinearEvaluator.Options(LinearMethod.LSTD, 0,
        new RewardRule(QuadratureRule.simpson(), 2), 1e-3, 1);
    double theta = new LinearEvaluator(discountedFinite, X, options).fit(() -> once(tinyPath()), 1, false).theta()[0];
    assertThat(theta).isCloseTo((1 + 4 + 0.75) / 3 + 2.5, within(1e-13));
  }

  @Test
  void windowedRulesRefuseUnevenTimes() {
    PathBlock uneven = new PathBlock(1);
    uneven.startPath(0, 1);
    uneven.addRow(0, new double[] {1}, 0, 1);
    uneven.addRow(1, new double[] {2}, 0, 1);
    uneven.addRow(3, new double[] {3}, 0, 1);
    uneven.endPath(0);
    LinearEvaluator.Options options = new LinearEvaluator.Options(LinearMethod.LSTD, 0,
        new RewardRule(QuadratureRule.simpson(), 2), 1e-3, 1);
    assertThatThrownBy(() -> new LinearEvaluator(CtProblem.finite(0, 3), X, options).fit(() -> once(uneven), 1, false))
        .hasMessageContaining("simpson needs equispaced times");
  }

  @Test
  void sameBitsOnOneAndTwoThreads() {
    OrnsteinUhlenbeck ou = OrnsteinUhlenbeck.stationary(1, 0.5, 0.5, 0.05, 100, 17);
    Features basis = Bases.parse("1,x,x^2", List.of("x"));
    double[] one = new LinearEvaluator(ou.problem(), basis, LinearEvaluator.Options.of(LinearMethod.LSTD,
        RewardRule.trapezoid()).withThreads(1)).fit(ou, 1000, true).theta();
    double[] two = new LinearEvaluator(ou.problem(), basis, LinearEvaluator.Options.of(LinearMethod.LSTD,
        RewardRule.trapezoid()).withThreads(2)).fit(ou, 1000, true).theta();
    assertThat(two).containsExactly(one);
  }

  @Test
  void streamedAndSimulatedPassesAgree() throws IOException {
    OrnsteinUhlenbeck ou = OrnsteinUhlenbeck.stationary(1, 0.5, 0.5, 0.1, 50, 4);
    Features basis = Bases.parse("1,x,x^2", List.of("x"));
    LinearEvaluator evaluator = new LinearEvaluator(ou.problem(), basis,
        LinearEvaluator.Options.of(LinearMethod.LSTD, RewardRule.left()).withThreads(2));
    PathBlock all = new PathBlock(1);
    ou.simulate(0, 300, all);
    LinearFit streamed = evaluator.fit(() -> once(all), 1, true);
    LinearFit simulated = evaluator.fit(ou, 300, true);
    for (int k = 0; k < 3; k++) {
      assertThat(streamed.theta()[k]).isCloseTo(simulated.theta()[k], within(1e-12));
      assertThat(streamed.parameterStderr(k)).isCloseTo(simulated.parameterStderr(k), within(1e-12));
    }
    assertThat(streamed.transitions()).isEqualTo(300 * 50);
  }

  @Test
  void misuseIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> new LinearEvaluator(CtProblem.discounted(1), Bases.parse("x,tau", List.of("x")),
        LinearEvaluator.Options.of(LinearMethod.LSTD, RewardRule.left()))).hasMessageContaining("depend on time");
    assertThatThrownBy(() -> new LinearEvaluator(CtProblem.ergodic(), X,
        LinearEvaluator.Options.of(LinearMethod.ML, RewardRule.left()))).hasMessageContaining("ergodic");
    assertThatThrownBy(() -> new RewardRule(QuadratureRule.simpson(), 1)).hasMessageContaining("window >= 2");
    assertThatThrownBy(() -> new RewardRule(QuadratureRule.simpson(), 3)).hasMessageContaining("odd");
    assertThatThrownBy(() -> Bases.parse("x,x", List.of("x"))).hasMessageContaining("repeats");
    assertThatThrownBy(() -> CtProblem.finite(0, Double.NaN)).hasMessageContaining("horizon");
  }

  @Test
  void collinearFeaturesAreNamed() throws IOException {
    Features doubled = Features.concat(List.of(X, FunctionFeatures.of("2x", (t, tau, x, o) -> 2 * x[o])));
    LinearEvaluator evaluator = new LinearEvaluator(FINITE, doubled,
        new LinearEvaluator.Options(LinearMethod.LSTD, 0, RewardRule.left(), 1e-3, 1));
    assertThatThrownBy(() -> evaluator.fit(() -> once(tinyPath()), 1, false))
        .hasMessageContaining("LSTD(0) system is singular").hasMessageContaining("2x").hasMessageContaining("collinear");
  }

  @Test
  void basisParserBuildsPolynomialsAndRbfs() {
    Features poly = Bases.parse("poly:2", List.of("x_a", "x_b"));
    assertThat(poly.names()).containsExactly("1", "x_a", "x_b", "x_a^2", "x_a*x_b", "x_b^2");
    double[] out = new double[6];
    poly.values(0, 0, new double[] {2, 3}, 0, out, 0);
    assertThat(out).containsExactly(1, 2, 3, 4, 6, 9);
    Features mixed = Bases.parse("1,x^2*tau^2,rbf:3:1:-1:1", List.of("x"));
    double[] values = new double[5];
    mixed.values(0.5, 1.5, new double[] {1}, 0, values, 0);
    assertThat(values[1]).isEqualTo(2.25);
    assertThat(values[4]).isEqualTo(1.0); // the centre at x = 1
    assertThat(values[2]).isCloseTo(Math.exp(-2), within(1e-15));
  }
}
