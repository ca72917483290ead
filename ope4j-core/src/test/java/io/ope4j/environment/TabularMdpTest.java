package io.ope4j.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The random tabular MDP: its two exact values agree, and a Monte Carlo run lands on them. */
class TabularMdpTest {

  @Test
  void aLongHorizonConvergesToTheLinearSolve() {
    TabularMdp unbounded = TabularMdp.random(6, 3, 0, 42);
    TabularMdp capped = TabularMdp.random(6, 3, 400, 42);
    double[][] policy = TabularPolicies.parse("softmax:0.3", unbounded.meanRewards());
    // continuation <= 0.95 and gamma 0.99: the tail after 400 steps is below 0.95^400 ~ 1e-9
    assertThat(capped.value(policy, 0.99)).isCloseTo(unbounded.value(policy, 0.99),
        Offset.offset(1e-7));
  }

  @Test
  void monteCarloReturnsCentreOnTheExactValue() throws IOException {
    for (int horizon : new int[] {0, 3}) {
      TabularMdp mdp = TabularMdp.random(4, 2, horizon, 9);
      double[][] policy = TabularPolicies.parse("epsilon-greedy:0.2", mdp.meanRewards());
      double gamma = 0.8;
      double[] mc = MonteCarlo.returns(mdp, policy, gamma, 40000, 5);
      double mean = mc[0];
      double stderr = mc[1];
      assertThat(Math.abs(mean - mdp.value(policy, gamma))).as("horizon " + horizon)
          .isLessThan(4 * stderr);
    }
  }

  @Test
  void policiesAreDistributionsAndBadSpecsAreRefused() {
    double[][] scores = {{0.1, 0.9, 0.5}, {0.3, 0.2, 0.1}};
    double[][] greedy = TabularPolicies.parse("epsilon-greedy:0.3", scores);
    assertThat(greedy[0]).containsExactly(new double[] {0.1, 0.8, 0.1}, Offset.offset(1e-15));
    double[][] soft = TabularPolicies.parse("softmax:1", scores);
    assertThat(soft[1][0] + soft[1][1] + soft[1][2]).isCloseTo(1.0, Offset.offset(1e-15));
    assertThat(soft[1][0]).isGreaterThan(soft[1][1]);
    assertThatThrownBy(() -> TabularPolicies.parse("softmax:-1", scores))
        .hasMessageContaining("softmax:-1");
    assertThatThrownBy(() -> TabularPolicies.parse("epsilon-greedy:2", scores))
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> TabularPolicies.parse("boltzmann", scores))
        .hasMessageContaining("known");
  }
}
