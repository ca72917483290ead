package io.ope4j.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.ct.sim.BrownianMotion;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * continuous_time.md §7 T6 and T8 on G2: dX = dW, r = h = x², T = 1, X0 ~ N(0,1), Δt = 0.01,
 * 2·10⁴ paths, trapezoid rewards; J = x²(1+τ) + τ + τ²/2.
 */
class BrownianFiniteHorizonTest {

  private static final int PATHS = 20_000;
  private static final List<String> X = List.of("x");
  private static final Features FULL = Bases.parse("x^2,x^2*tau,tau,tau^2,1", X);
  private static final Features MISSPECIFIED = Bases.parse("x^2,tau,1", X);

  private static BrownianMotion bm(double dt, long seed) {
    return new BrownianMotion(1, 1, dt, (int) Math.round(1 / dt), seed);
  }

  private static LinearFit fit(LinearMethod method, Features basis, RewardRule rewards, BrownianMotion data) {
    return new LinearEvaluator(data.problem(), basis, LinearEvaluator.Options.of(method, rewards)).fit(data, PATHS, false);
  }

  /** Relative L² error on t ∈ {0, .25, .5, .75} × 81 points of x ∈ [-2, 2]. */
  private static double relativeError(LinearFit fit) {
    double num = 0;
    double den = 0;
    for (double t : new double[] {0, 0.25, 0.5, 0.75}) {
      for (int i = 0; i <= 80; i++) {
        double x = -2 + 4.0 * i / 80;
        double truth = ClosedForms.brownianValue(1, 1, t, x);
        double d = fit.value(t, new double[] {x}) - truth;
        num += d * d;
        den += truth * truth;
      }
    }
    return Math.sqrt(num / den);
  }

  @Test
  void t6_martingaleLossAndLstdRecoverTheValue() {
    BrownianMotion data = bm(0.01, 7);
    LinearFit ml = fit(LinearMethod.ML, FULL, RewardRule.trapezoid(), data);
    LinearFit lstd = fit(LinearMethod.LSTD, FULL, RewardRule.trapezoid(), data);
    assertThat(relativeError(ml)).isLessThan(0.025);
    assertThat(relativeError(lstd)).isLessThan(0.025);
    assertThat(ml.value(0, new double[] {1})).isCloseTo(3.5, within(0.12)); // one seed, sd ≈ 0.03
    assertThat(lstd.value(0, new double[] {1})).isCloseTo(3.5, within(0.12));
  }

  @Test
  void t6_meanOverTwentySeedsIsUnbiasedWithTrapezoidAndShiftedWithRectangle() {
    double trapezoid = 0;
    double rectangle = 0;
    for (long seed = 1; seed <= 20; seed++) {
      trapezoid += fit(LinearMethod.ML, FULL, RewardRule.trapezoid(), bm(0.01, seed)).value(0, new double[] {1}) / 20;
      rectangle += fit(LinearMethod.ML, FULL, RewardRule.left(), bm(0.1, 100 + seed)).value(0, new double[] {1}) / 20;
    }
    assertThat(trapezoid).isCloseTo(3.5, within(0.03));
    // Rectangle at Δt = 0.1: the discrete value is 3.45 (G2); one seed has sd ≈ 0.025, the mean of 20 ≈ 0.006.
    assertThat(rectangle).isCloseTo(ClosedForms.brownianRectangleValue(1, 1, 0.1, 1), within(0.03));
  }

  @Test
  void simpsonAndMaternWindowsAlsoRecoverTheValue() {
    // Transitions spanning 2 (Simpson) or 4 (Bayesian quadrature) samples: same accuracy as T6.
    BrownianMotion data = bm(0.01, 21);
    RewardRule simpson = new RewardRule(io.ope4j.ct.quadrature.QuadratureRule.simpson(), 2);
    RewardRule matern = new RewardRule(io.ope4j.ct.quadrature.QuadratureRule.bayesMatern(3.5, 0.5), 4);
    LinearFit bySimpson = fit(LinearMethod.ML, FULL, simpson, data);
    LinearFit byMatern = fit(LinearMethod.LSTD, FULL, matern, data);
    assertThat(relativeError(bySimpson)).isLessThan(0.025);
    assertThat(relativeError(byMatern)).isLessThan(0.025);
    assertThat(bySimpson.transitions()).isEqualTo(PATHS * 50L);
    assertThat(byMatern.transitions()).isEqualTo(PATHS * 25L);
  }

  @Test
  void t8_misspecifiedBasis_martingaleLossIsTheBestProjectionAndLstdIsNot() {
    BrownianMotion data = bm(0.01, 11);
    LinearFit ml = fit(LinearMethod.ML, MISSPECIFIED, RewardRule.trapezoid(), data);
    LinearFit lstd = fit(LinearMethod.LSTD, MISSPECIFIED, RewardRule.trapezoid(), data);
    PathBlock block = new PathBlock(1);
    data.simulate(0, PATHS, block);
    double[] oracle = oracleProjection(block);
    double mlError = rmsError(block, ml.theta());
    double oracleError = rmsError(block, oracle);
    double lstdError = rmsError(block, lstd.theta());
    assertThat(mlError).isLessThanOrEqualTo(oracleError + 0.005);
    assertThat(lstdError).isGreaterThan(mlError + 0.05);
    assertThat(oracleError).isCloseTo(0.584, within(0.02)); // the doc's ≈ values
    assertThat(mlError).isCloseTo(0.585, within(0.02));
    assertThat(lstdError).isBetween(0.68, 0.75);
  }

  /** RMS of Ĵ - J over the sampled (t_k, x_k), k &lt; K. */
  private static double rmsError(PathBlock block, double[] theta) {
    double[] phi = new double[3];
    double sum = 0;
    long count = 0;
    for (int p = 0; p < block.paths(); p++) {
      for (int row = block.offsets()[p]; row < block.offsets()[p + 1] - 1; row++) {
        double t = block.t()[row];
        double x = block.x()[row];
        MISSPECIFIED.values(t, 1 - t, block.x(), row, phi, 0);
        double fitted = theta[0] * phi[0] + theta[1] * phi[1] + theta[2] * phi[2];
        double d = fitted - ClosedForms.brownianValue(1, 1, t, x);
        sum += d * d;
        count++;
      }
    }
    return Math.sqrt(sum / count);
  }

  /** Least squares of the true J(t_k, x_k) on φ over the same rows: the best projection. */
  private static double[] oracleProjection(PathBlock block) {
    DMatrixRMaj gram = new DMatrixRMaj(3, 3);
    DMatrixRMaj rhs = new DMatrixRMaj(3, 1);
    double[] phi = new double[3];
    for (int p = 0; p < block.paths(); p++) {
      for (int row = block.offsets()[p]; row < block.offsets()[p + 1] - 1; row++) {
        double t = block.t()[row];
        MISSPECIFIED.values(t, 1 - t, block.x(), row, phi, 0);
        double truth = ClosedForms.brownianValue(1, 1, t, block.x()[row]);
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            gram.add(i, j, phi[i] * phi[j]);
          }
          rhs.add(i, 0, phi[i] * truth);
        }
      }
    }
    DMatrixRMaj theta = new DMatrixRMaj(3, 1);
    CommonOps_DDRM.solve(gram, rhs, theta);
    return theta.getData();
  }
}
