package io.ope4j.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Inventory}, {@link MonteCarloValue}, {@link TabularPolicies.Rule} and the Q columns of {@link ActionValueColumns}. */
class FeatureEnvironmentTest {

  /**
   * From one state (the same reset seed each time), the mean reward of an order over 200,000 steps
   * matches its score, the closed-form expected reward {@code d (1 - e^{-y/d}) - 0.4 (y - x) - 0.05
   * (y - sales)}, within 4 standard errors; every reward lies in the stated range.
   */
  @Test
  void inventoryScoreIsTheExpectedRewardOfTheStep() {
    Inventory inventory = Inventory.of(4, 10);
    double[] scores = new double[4];
    double[] range = inventory.rewardRange();
    SplittableRandom steps = new SplittableRandom(9);
    int n = 200_000;
    for (int action = 0; action < 4; action++) {
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        inventory.reset(new SplittableRandom(42));
        inventory.scores(scores);
        double reward = inventory.step(action, steps);
        assertThat(reward).isBetween(range[0], range[1]);
        sum += reward;
        squares += reward * reward;
      }
      double mean = sum / n;
      double stderr = Math.sqrt((squares - sum * mean) / (n - 1) / n);
      assertThat(Math.abs(mean - scores[action])).as("order %d: %s vs %s", action, mean, scores[action])
          .isLessThan(4 * stderr);
    }
  }

  @Test
  void inventoryEpisodesLastTheHorizon() {
    Inventory inventory = Inventory.of(3, 7);
    SplittableRandom random = new SplittableRandom(1);
    inventory.reset(random);
    double[] features = new double[3];
    int steps = 0;
    do {
      inventory.observe(features);
      assertThat(features[0]).isBetween(0.0, 10.0);
      assertThat(features[1]).isBetween(0.5, 8.0);
      assertThat(features[2]).isEqualTo(steps / 7.0);
      inventory.step(2, random);
      steps++;
    } while (!inventory.done());
    assertThat(steps).isEqualTo(7);
  }

  @Test
  void ruleGivesWhatTheTabularPoliciesGive() {
    double[][] scores = {{0.3, 1.2, -0.5}, {2.0, 2.0, 1.0}};
    for (String spec : new String[] {"uniform", "greedy", "epsilon-greedy:0.3", "softmax:0.7"}) {
      double[][] table = TabularPolicies.parse(spec, scores);
      double[] row = new double[3];
      for (int s = 0; s < 2; s++) {
        TabularPolicies.rule(spec).probabilities(scores[s], row);
        assertThat(row).as(spec).containsExactly(table[s]);
      }
    }
    // softmax:0.7 of the first row, by hand
    double[] expected = {Math.exp(0.3 / 0.7), Math.exp(1.2 / 0.7), Math.exp(-0.5 / 0.7)};
    double total = expected[0] + expected[1] + expected[2];
    assertThat(TabularPolicies.parse("softmax:0.7", scores)[0][1]).isCloseTo(expected[1] / total, offset(1e-15));
  }

  /** A return that is the same in every episode: value exact, standard error 0. */
  @Test
  void monteCarloOfAConstantReturn() {
    FeatureEnvironment constant = new FeatureEnvironment() {
      private int t;

      @Override public int actions() {
        return 2;
      }

      @Override public java.util.List<String> featureNames() {
        return java.util.List.of("x");
      }

      @Override public void reset(SplittableRandom random) {
        t = 0;
      }

      @Override public void observe(double[] out) {
        out[0] = t;
      }

      @Override public void scores(double[] out) {
        out[0] = 0;
        out[1] = 1;
      }

      @Override public double step(int action, SplittableRandom random) {
        t++;
        return 2.0;
      }

      @Override public boolean done() {
        return t == 3;
      }

      @Override public double[] rewardRange() {
        return new double[] {2, 2};
      }
    };
    MonteCarloValue value = MonteCarloValue.of(constant, TabularPolicies.rule("uniform"), 0.5, 100, 1, n -> { });
    assertThat(value.value()).isEqualTo(2 + 1 + 0.5);
    assertThat(value.stderr()).isZero();
    assertThat(value.episodes()).isEqualTo(100);
  }

  /**
   * With a horizon the Q of the first step gives the exact value from the start cell:
   * {@code sum_a pi(a|s_0) Q_0(s_0, a)} equals the backward induction of {@link TabularMdp#value};
   * without one the table is the stationary {@link TabularMdp#qValues}.
   */
  @Test
  void qValuesByStepAgreeWithTheValue() {
    TabularMdp grid = Gridworld.of(3, 0.2, 0.04, 6);
    double[][] uniform = TabularPolicies.parse("uniform", grid.meanRewards());
    double[][][] q = grid.qValuesByStep(uniform, 0.9);
    assertThat(q).hasNumberOfRows(6);
    assertThat(TabularMdp.expected(uniform, q[0])[0]).isCloseTo(grid.value(uniform, 0.9), offset(1e-12));
    // the last step: only its reward is left
    assertThat(q[5][0]).containsExactly(grid.meanRewards()[0]);
    TabularMdp endless = TabularMdp.random(4, 2, 0, 3);
    double[][] policy = TabularPolicies.parse("softmax:0.5", endless.meanRewards());
    ActionValueColumns exact = ActionValueColumns.of(endless, policy, 0.9, 0, 1);
    assertThat(exact.q(17, 2)).containsExactly(endless.qValues(policy, 0.9)[2]);
    assertThat(exact.v(0, 2)).isCloseTo(TabularMdp.expected(policy, endless.qValues(policy, 0.9))[2], offset(1e-15));
    ActionValueColumns noisy = ActionValueColumns.of(endless, policy, 0.9, 0.5, 1);
    assertThat(noisy.q(0, 2)[0]).isNotEqualTo(exact.q(0, 2)[0]);
    assertThat(noisy.q(3, 2)).containsExactly(noisy.q(0, 2)); // one fixed error, not one per row
  }
}
