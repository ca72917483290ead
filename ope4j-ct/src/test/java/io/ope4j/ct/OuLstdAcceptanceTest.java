package io.ope4j.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.ct.sim.OrnsteinUhlenbeck;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * continuous_time.md §7 T2–T5 on G1: OU with κ = 1, σ = 0.5, β = 0.5, basis [1, x, x²], exact steps,
 * stationary start, 10⁴ paths × 10 time units, fixed seeds.
 */
class OuLstdAcceptanceTest {

  private static final double KAPPA = 1;
  private static final double SIGMA = 0.5;
  private static final double BETA = 0.5;
  private static final long PATHS = 10_000;
  private static final long SEED = 20220501L;
  private static final Features BASIS = Bases.parse("1,x,x^2", List.of("x"));

  private static LinearFit lstdAt02;
  private static LinearFit lstdAt01;
  private static LinearFit lstdAt005;
  private static LinearFit lstdAt001;
  private static LinearFit mstdeAt001;

  private static OrnsteinUhlenbeck ou(double dt, long seed) {
    return OrnsteinUhlenbeck.stationary(KAPPA, SIGMA, BETA, dt, (int) Math.round(10 / dt), seed);
  }

  private static LinearFit fit(LinearMethod method, RewardRule rewards, OrnsteinUhlenbeck data, long paths) {
    return new LinearEvaluator(data.problem(), BASIS, LinearEvaluator.Options.of(method, rewards)).fit(data, paths, false);
  }

  @BeforeAll
  static void fitOnce() {
    lstdAt02 = fit(LinearMethod.LSTD, RewardRule.left(), ou(0.2, SEED), PATHS);
    lstdAt01 = fit(LinearMethod.LSTD, RewardRule.left(), ou(0.1, SEED), PATHS);
    lstdAt005 = fit(LinearMethod.LSTD, RewardRule.left(), ou(0.05, SEED), PATHS);
    lstdAt001 = fit(LinearMethod.LSTD, RewardRule.left(), ou(0.01, SEED), PATHS);
    mstdeAt001 = fit(LinearMethod.MSTDE, RewardRule.left(), ou(0.01, SEED), PATHS);
  }

  @RepeatedTest(value = 4, name = "seed {currentRepetition}")
  void t2_rectangleMinusTrapezoidIsHalfDtOnTheRewardFeature(RepetitionInfo repetition) {
    // If r = φᵀρ, b_rect - b_trap = (Δt/2) A ρ exactly, so θ_rect - θ_trap = (Δt/2)ρ with ρ = (0, 0, 1).
    long seed = repetition.getCurrentRepetition();
    double dt = new double[] {0.2, 0.1, 0.05, 0.01}[(int) seed - 1];
    OrnsteinUhlenbeck data = ou(dt, seed);
    double[] rect = fit(LinearMethod.LSTD, RewardRule.left(), data, 200).theta();
    double[] trap = fit(LinearMethod.LSTD, RewardRule.trapezoid(), data, 200).theta();
    assertThat(rect[0] - trap[0]).as("seed %d", seed).isCloseTo(0, within(1e-10));
    assertThat(rect[1] - trap[1]).as("seed %d", seed).isCloseTo(0, within(1e-10));
    assertThat(rect[2] - trap[2]).as("seed %d", seed).isCloseTo(dt / 2, within(1e-10));
  }

  @Test
  void t3_lstdRectangleCentresOnTheDiscreteFixedPoint() {
    // Doc tolerances; the sandwich standard error of c2 here is about 0.0024 (5 se at Δt = 0.1).
    assertThat(lstdAt01.theta()[2]).isCloseTo(0.45208, within(0.012));
    assertThat(lstdAt001.theta()[2]).isCloseTo(0.40502, within(0.010));
    assertThat(lstdAt001.theta()[0]).isCloseTo(0.2000, within(0.004));
    assertThat(lstdAt001.transitions()).isEqualTo(10_000_000L);
  }

  @Test
  void t4_closedFormOrderIsOneForRectangleAndTwoForTrapezoid() {
    double[] dts = {0.1, 0.05, 0.02, 0.01};
    double[] logDt = new double[4];
    double[] logRect = new double[4];
    double[] logTrap = new double[4];
    for (int i = 0; i < 4; i++) {
      logDt[i] = Math.log(dts[i]);
      logRect[i] = Math.log(Math.abs(ClosedForms.ouC2Rectangle(KAPPA, BETA, dts[i]) - 0.4));
      logTrap[i] = Math.log(Math.abs(ClosedForms.ouC2Trapezoid(KAPPA, BETA, dts[i]) - 0.4));
    }
    assertThat(slope(logDt, logRect)).isCloseTo(1, within(0.05));
    assertThat(slope(logDt, logTrap)).isCloseTo(2, within(0.05));
  }

  @Test
  void t4_lstdEstimatesShowFirstOrderInDt() {
    double[] logDt = {Math.log(0.2), Math.log(0.1), Math.log(0.05)};
    double[] logError = {
        Math.log(Math.abs(lstdAt02.theta()[2] - 0.4)),
        Math.log(Math.abs(lstdAt01.theta()[2] - 0.4)),
        Math.log(Math.abs(lstdAt005.theta()[2] - 0.4))};
    assertThat(slope(logDt, logError)).isBetween(0.8, 1.2);
  }

  @Test
  void t5_mstdeFlattensTheValueWhileLstdDoesNot() {
    assertThat(mstdeAt001.transitions()).isGreaterThanOrEqualTo(1_000_000L);
    assertThat(mstdeAt001.theta()[2]).isLessThan(0.04);
    assertThat(mstdeAt001.theta()[0]).isCloseTo(0.25, within(0.01));
    assertThat(Math.abs(lstdAt001.theta()[2] - 0.405)).isLessThan(0.01);
  }

  @Test
  void standardErrorOfC2MatchesTheSpreadAcrossSeeds() {
    // Statistical check of the sandwich: 20 seeds of 500 paths; the sd of ĉ2 across seeds should
    // match the mean reported standard error within the sampling error of an sd from 20 draws (~16%).
    int seeds = 20;
    double[] c2 = new double[seeds];
    double meanSe = 0;
    for (int s = 0; s < seeds; s++) {
      OrnsteinUhlenbeck data = ou(0.1, 1000 + s);
      LinearFit fit = new LinearEvaluator(data.problem(), BASIS, LinearEvaluator.Options.of(LinearMethod.LSTD,
          RewardRule.left())).fit(data, 500, true);
      c2[s] = fit.theta()[2];
      meanSe += fit.parameterStderr(2) / seeds;
    }
    double mean = 0;
    for (double v : c2) {
      mean += v / seeds;
    }
    double var = 0;
    for (double v : c2) {
      var += (v - mean) * (v - mean) / (seeds - 1);
    }
    assertThat(Math.sqrt(var) / meanSe).isBetween(0.6, 1.5);
    assertThat(mean).isCloseTo(ClosedForms.ouC2Rectangle(KAPPA, BETA, 0.1), within(4 * meanSe / Math.sqrt(seeds)));
  }

  /** Least-squares slope of y on x. */
  static double slope(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / x.length;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }
}
