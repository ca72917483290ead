package io.ope4j.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WDR and MAGIC (Thomas &amp; Brunskill 2016) on a hand-computed log and on the tabular MDP. */
class WdrMagicTest {

  private static final double GAMMA = 0.5;

  /**
   * Episode A: two steps, rho = 2 then 1, so w = 2, 2; episode B: one step, rho = 1, w = 1
   * (padded with 1 at step 1). Mean weights m_0 = m_1 = 1.5, so A's normalised weights are 4/3,
   * 4/3 and B's is 2/3.
   */
  private static List<EpisodeSteps> tiny() {
    EpisodeSteps a = new EpisodeSteps(1);
    a.start(0);
    a.append();
    a.set(0, 1.0, 0.5, 0.4);
    a.setPolicy(0, 0, 1.0, 0.6);
    a.append();
    a.set(1, 2.0, 0.5, 1.0);
    a.setPolicy(0, 1, 0.5, 0.8);
    EpisodeSteps b = new EpisodeSteps(1);
    b.start(1);
    b.append();
    b.set(0, 0.0, 0.5, 0.2);
    b.setPolicy(0, 0, 0.5, 0.3);
    return List.of(a, b);
  }

  @Test
  void wdr_handComputed() throws IOException {
    SequentialResult result = SequentialEvaluator.evaluate(TabularMdp.source(tiny()),
        SequentialConfig.of(List.of(SequentialEstimator.WDR, SequentialEstimator.SNDR), GAMMA));
    // A: (4/3)(1 - 0.4) + 0.6 + 0.5 ((4/3)(2 - 1) + (4/3) 0.8) = 2.6; B: (2/3)(0 - 0.2) + 0.3
    double expected = (2.6 + (-0.2 * 2 / 3 + 0.3)) / 2;
    assertThat(result.get("target", SequentialEstimator.WDR).value()).isCloseTo(expected, within(1e-15));
    // sndr differs only by SCOPE-RL's 1e-10 in the normaliser
    assertThat(result.get("target", SequentialEstimator.SNDR).value()).isCloseTo(expected, within(1e-9));
  }

  @Test
  void jStepReturns_handComputed() {
    EpisodeSteps a = tiny().get(0);
    EpisodeSteps b = tiny().get(1);
    TrajectoryValues values = new TrajectoryValues(GAMMA, Double.POSITIVE_INFINITY);
    double[] normalisers = {1.5, 1.5};
    double[] g = new double[3];
    values.weigh(a, 0);
    values.jStepReturns(a, 0, normalisers, g);
    // j = -1: V(s_0); j = 0: first DR term + gamma (4/3) V(s_1); j = 1: the whole WDR value
    assertThat(g).containsExactly(new double[] {0.6, 1.4 + 0.5 * 4 / 3 * 0.8, 2.6},
        within(1e-15));
    values.weigh(b, 0);
    values.jStepReturns(b, 0, normalisers, g);
    double wdrB = -0.2 * 2 / 3 + 0.3;
    assertThat(g).containsExactly(new double[] {0.3, wdrB, wdrB}, within(1e-15));
  }

  @Test
  void simplexQuadratic_twoByTwoClosedForm() {
    // x = (t, 1 - t): minimiser t = (b - c) / (a + b - 2c) = (2 - 0.5) / (1 + 2 - 1) = 0.75
    double[] x = SimplexQuadratic.minimise(new double[][] {{1, 0.5}, {0.5, 2}});
    assertThat(x).containsExactly(new double[] {0.75, 0.25}, within(1e-10));
    // a corner: the minimiser of the unconstrained line lies outside [0, 1]
    x = SimplexQuadratic.minimise(new double[][] {{1, 2}, {2, 5}});
    assertThat(x).containsExactly(new double[] {1.0, 0.0}, within(1e-12));
  }

  @Test
  void magic_blendsBetweenDmAndWdr_andIsConsistent() throws IOException {
    TabularMdp mdp = new TabularMdp(0.9);
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.DM,
        SequentialEstimator.WDR, SequentialEstimator.MAGIC), 0.9);
    double previousError = Double.POSITIVE_INFINITY;
    for (int n : new int[] {500, 20_000}) {
      SequentialResult result = SequentialEvaluator.evaluate(
          TabularMdp.source(mdp.collect(n, 99, 0)), config);
      SequentialEstimate magic = result.get("target", SequentialEstimator.MAGIC);
      double error = Math.abs(magic.value() - mdp.truth());
      // the model is biased by 0.3 per step, so DM is off; MAGIC must lean on WDR
      assertThat(error).as("n=" + n).isLessThan(4 * magic.stderr() + 0.05);
      assertThat(magic.interval().lower()).isLessThan(magic.value());
      previousError = Math.min(previousError, error);
    }
    assertThat(previousError).isLessThan(0.05);
  }
}
