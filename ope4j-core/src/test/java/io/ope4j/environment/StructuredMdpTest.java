package io.ope4j.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The gridworld, recommender and bidding MDPs: Monte Carlo lands on the exact values; structure. */
class StructuredMdpTest {

  private static void assertExact(TabularMdp mdp, String spec, double gamma) throws IOException {
    double[][] policy = TabularPolicies.parse(spec, mdp, gamma);
    double[] mc = MonteCarlo.returns(mdp, policy, gamma, 40000, 11);
    assertThat(Math.abs(mc[0] - mdp.value(policy, gamma))).as(spec).isLessThan(4 * mc[1]);
  }

  @Test
  void monteCarloReturnsCentreOnTheExactValues() throws IOException {
    for (String spec : new String[] {"uniform", "softmax:0.2@q", "epsilon-greedy:0.3@q"}) {
      assertExact(Gridworld.of(3, 0.2, 0.04, 12), spec, 0.95);
      assertExact(Gridworld.of(3, 0.2, 0.04, 0), spec, 0.9);
      assertExact(Recommender.of(3, 3), spec, 0.9);
      assertExact(Bidding.of(3, 4, 4), spec, 1.0);
    }
  }

  @Test
  void theOptimalPolicyBeatsTheOthers() {
    for (TabularMdp mdp : new TabularMdp[] {Gridworld.of(4, 0.1, 0.04, 0), Recommender.of(3, 3),
        Bidding.of(3, 5, 4)}) {
      double best = mdp.value(TabularPolicies.parse("optimal", mdp, 0.9), 0.9);
      for (String spec : new String[] {"uniform", "greedy", "softmax:0.5"}) {
        assertThat(best).isGreaterThanOrEqualTo(mdp.value(TabularPolicies.parse(spec, mdp, 0.9), 0.9) - 1e-12);
      }
    }
  }

  @Test
  void theGoalEndsTheEpisodeAndIsNeverLogged() throws IOException {
    TabularMdp grid = Gridworld.of(3, 0.0, 0.04, 0);
    double[][] policy = TabularPolicies.parse("optimal", grid, 0.9);
    // without slips the optimal path takes 4 steps: 3 costs, then the goal's 1 ends it
    double[] rewards = new double[4];
    int[] counts = new int[2];
    EpisodeCollector.collect(grid, policy, 5, 3, (episode, step, state, action, reward, pscore,
        done) -> {
      assertThat(state).isNotEqualTo(8);
      assertThat(step).isLessThan(4);
      rewards[step] = reward;
      counts[done ? 1 : 0]++;
    });
    assertThat(rewards).containsExactly(-0.04, -0.04, -0.04, 1.0);
    assertThat(counts).containsExactly(15, 5);
  }

  @Test
  void theBudgetNeverGoesNegativeAndEpisodesLastThePeriods() throws IOException {
    int budget = 3;
    int periods = 6;
    TabularMdp bidding = Bidding.of(budget, periods, 4);
    double[][] policy = TabularPolicies.parse("uniform", bidding, 1.0);
    int[] spent = new int[1];
    EpisodeCollector.collect(bidding, policy, 5000, 2, (episode, step, state, action, reward,
        pscore, done) -> {
      int left = state / periods;
      assertThat(state % periods).isEqualTo(step);
      assertThat(done).isEqualTo(step == periods - 1);
      if (step == 0) {
        spent[0] = 0;
      }
      assertThat(left).isEqualTo(budget - spent[0]);
      if (reward > 0) {
        assertThat(action).isLessThanOrEqualTo(left).isPositive();
        spent[0] += action;
      }
      assertThat(spent[0]).isLessThanOrEqualTo(budget);
    });
  }

  @Test
  void clicksAreBernoulliAndBoredomLowersThem() throws IOException {
    TabularMdp recommender = Recommender.of(3, 3);
    double[][] clicks = recommender.meanRewards();
    // state (interest 0, boredom 0, last 1) against (interest 0, boredom 2, last 1)
    assertThat(clicks[1][0]).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(clicks[2 * 3 + 1][0]).isCloseTo(0.35, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(clicks[1][2]).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-15));
    EpisodeCollector.collect(recommender, TabularPolicies.parse("uniform", clicks), 200, 4,
        (episode, step, state, action, reward, pscore, done) -> assertThat(reward).isIn(0.0, 1.0));
  }
}
