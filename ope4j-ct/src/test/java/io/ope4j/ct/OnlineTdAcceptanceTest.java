package io.ope4j.ct;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.ct.sim.LinearQuadraticGaussian;
import io.ope4j.ct.sim.OrnsteinUhlenbeck;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** continuous_time.md §7 T7 (online TD on OU) and T11 (ergodic TD on the LQ system). */
class OnlineTdAcceptanceTest {

  private static final int PATHS = 2000;

  @ParameterizedTest(name = "dt = {0}")
  @ValueSource(doubles = {0.05, 0.01})
  void t7_onlineTd0Gtd2AndTdLambdaReachTheDiscreteFixedPoint(double dt) {
    OrnsteinUhlenbeck ou = OrnsteinUhlenbeck.stationary(1, 0.5, 0.5, dt, (int) Math.round(300 / dt), 7);
    ParametricValue value = ParametricValue.linear(Bases.parse("1,x,x^2", List.of("x")));
    OnlineTd td0 = new OnlineTd(ou.problem(), value, OnlineTd.Options.of(OnlineTd.Algorithm.TD0, 0.5), new double[3]);
    OnlineTd gtd2 = new OnlineTd(ou.problem(), value,
        OnlineTd.Options.of(OnlineTd.Algorithm.GTD2, 0.5).withAux(2), new double[3]);
    OnlineTd tdLambda = new OnlineTd(ou.problem(), value,
        OnlineTd.Options.of(OnlineTd.Algorithm.TD_LAMBDA, 0.5).withLambda(0.5), new double[3]);
    LockstepDriver.run(ou, PATHS, 2, RewardRule.left(), List.of(td0, gtd2, tdLambda));
    double c2 = ClosedForms.ouC2Rectangle(1, 0.5, dt);
    assertThat(Math.abs(td0.theta()[2] - c2)).as("TD(0)").isLessThan(0.015);
    assertThat(Math.abs(gtd2.theta()[2] - c2)).as("GTD2").isLessThan(0.015);
    assertThat(Math.abs(tdLambda.theta()[2] - c2)).as("TD(lambda)").isLessThan(0.03);
  }

  @Test
  void t11_ergodicTdLearnsTheAverageRewardAndTheRelativeValue() {
    int steps = 30_000; // 300 time units at Δt = 0.01
    LinearQuadraticGaussian lq = new LinearQuadraticGaussian(-0.5, -0.5, 0.2, 0.1, 0, 0.01, steps, 3);
    Features halfSquareAndLinear = Features.concat(List.of(
        FunctionFeatures.of("x^2/2", (t, tau, x, o) -> x[o] * x[o] / 2),
        FunctionFeatures.of("x", (t, tau, x, o) -> x[o])));
    OnlineTd ergodic = new OnlineTd(lq.problem(), ParametricValue.linear(halfSquareAndLinear),
        OnlineTd.Options.of(OnlineTd.Algorithm.ERGODIC, 0.5).withAux(0.5).withAverageFrom(steps / 2), new double[2]);
    LockstepDriver.run(lq, PATHS, 2, RewardRule.left(), List.of(ergodic));
    double[] truth = ClosedForms.ergodicLq(-0.5, -0.5, 0.2, 0.1); // k2, k1, V
    assertThat(Math.abs(ergodic.averageReward() - 0.418565)).isLessThan(0.02);
    assertThat(Math.abs(ergodic.theta()[0] - truth[0])).isLessThan(0.12);
    assertThat(Math.abs(ergodic.theta()[1] - truth[1])).isLessThan(0.06);
    assertThat(Math.abs(ergodic.averagedAverageReward() - truth[2])).isLessThan(0.008);
    assertThat(Math.abs(ergodic.averagedTheta()[1] - truth[1])).isLessThan(0.03);
  }
}
