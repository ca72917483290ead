package io.ope4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearFitsTest {

  private static final double EXACT = 1e-12;

  /** One action, one model on [1, x]: the textbook simple ridge regression. */
  private static RewardData oneFeature(double[] x, double[] y, double[] weights) {
    return new RewardData(x, 1, new int[x.length], null, y, weights, 1);
  }

  @Test
  void ridge_threePoints_matchesClosedForm() {
    // Centred sums: xbar = 1, ybar = 7/3, Sxx = 2, Sxy = 3; w = Sxy / (Sxx + alpha) = 1,
    // b = ybar - w xbar = 4/3 (intercept unpenalised).
    RewardData data = oneFeature(new double[] {0, 1, 2}, new double[] {1, 2, 4}, null);
    LinearRewardModel model = (LinearRewardModel) RidgeRegression.withAlpha(1.0)
        .features(RewardFeatures.defaults().perActionModels()).fit(data);
    assertThat(model.coefficients(0)).containsExactly(new double[] {4.0 / 3.0, 1.0}, within(EXACT));
    double[] q = new double[1];
    model.predict(new double[] {5.0}, 1, null, 1, q);
    assertThat(q[0]).isCloseTo(4.0 / 3.0 + 5.0, within(EXACT));
  }

  @Test
  void ridge_sampleWeights_actAsRepeatedRows() {
    // Weights (1, 2, 1): weighted xbar = 1, ybar = 9/4, Sxx = 2, Sxy = 3; w = 1, b = 5/4.
    RewardData data = oneFeature(new double[] {0, 1, 2}, new double[] {1, 2, 4}, new double[] {1, 2, 1});
    LinearRewardModel model = (LinearRewardModel) RidgeRegression.withAlpha(1.0)
        .features(RewardFeatures.defaults().perActionModels()).fit(data);
    assertThat(model.coefficients(0)).containsExactly(new double[] {5.0 / 4.0, 1.0}, within(EXACT));
  }

  @Test
  void logistic_separableWithPenalty_matchesIndependentOptimum() {
    // x = -2, -1, 1, 2 with reward 1 iff x > 0: separable, so only the penalty keeps w finite.
    // By symmetry b = 0, and the stationarity condition is w = 2C sum_{x in {1,2}} x sigmoid(-w x),
    // solved here by bisection, independently of the Newton solver.
    double c = 0.5;
    RewardData data = oneFeature(new double[] {-2, -1, 1, 2}, new double[] {0, 0, 1, 1}, null);
    LinearRewardModel model = (LinearRewardModel) LogisticRegression.withC(c)
        .features(RewardFeatures.defaults().perActionModels()).fit(data);
    double lo = 0.0;
    double hi = 10.0;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      double g = mid - 2 * c * (1 * sigmoid(-mid) + 2 * sigmoid(-2 * mid));
      if (g > 0) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double w = 0.5 * (lo + hi);
    assertThat(model.coefficients(0)[0]).isCloseTo(0.0, within(1e-8));
    assertThat(model.coefficients(0)[1]).isCloseTo(w, within(1e-8));
    double[] q = new double[1];
    model.predict(new double[] {1.0}, 1, null, 1, q);
    assertThat(q[0]).isCloseTo(sigmoid(w), within(1e-8));
  }

  @Test
  void logistic_defaultFeatures_satisfyStationarity() {
    // Gradient of the penalised objective, computed here from the predictions alone: at the
    // optimum sum_i (q_i - r_i) z_i + w / C = 0 for every penalised feature, and the intercept's
    // component has no penalty term.
    int n = 3000;
    int dim = 3;
    int k = 4;
    RandomData random = RandomData.of(7, n, dim, k, 3, true);
    double c = 2.0;
    LinearRewardModel model = (LinearRewardModel) LogisticRegression.withC(c).fit(random.data());
    double[] q = new double[n * k];
    model.predict(random.data().contexts(), dim, random.data().positions(), n, q);
    double[] beta = model.coefficients(0);
    // layout: [1, x0..x2, a0..a3, p0..p2]
    double[] gradient = new double[beta.length];
    for (int i = 0; i < n; i++) {
      int a = random.data().actions()[i];
      double residual = q[i * k + a] - random.data().rewards()[i];
      gradient[0] += residual;
      for (int j = 0; j < dim; j++) {
        gradient[1 + j] += residual * random.data().contexts()[i * dim + j];
      }
      gradient[1 + dim + a] += residual;
      gradient[1 + dim + k + random.data().positions()[i]] += residual;
    }
    for (int j = 1; j < beta.length; j++) {
      gradient[j] += beta[j] / c;
    }
    assertThat(gradient).containsExactly(new double[gradient.length], within(1e-8));
  }

  @Test
  void fits_sameBitsOnAnyNumberOfThreads() {
    RandomData random = RandomData.of(11, 30_000, 5, 6, 3, true);
    RewardModel one = LogisticRegression.withC(10).threads(1).fit(random.data());
    RewardModel two = LogisticRegression.withC(10).threads(2).fit(random.data());
    double[] q1 = new double[random.data().rows() * 6];
    double[] q2 = new double[q1.length];
    one.predict(random.data().contexts(), 5, random.data().positions(), random.data().rows(), q1);
    two.predict(random.data().contexts(), 5, random.data().positions(), random.data().rows(), q2);
    assertThat(java.util.Arrays.equals(q1, q2)).as("same bits on 1 and 2 threads").isTrue();
  }

  @Test
  void logistic_continuousRewards_areRejectedNamingTheRow() {
    RewardData data = oneFeature(new double[] {0, 1, 2}, new double[] {0, 0.37, 1}, null);
    assertThatThrownBy(() -> LogisticRegression.withC(1).validate(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("binary rewards")
        .hasMessageContaining("row 2")
        .hasMessageContaining("0.37")
        .hasMessageContaining("ridge");
  }

  @Test
  void logistic_allRewardsEqual_predictsThatReward() {
    RewardData data = oneFeature(new double[] {0, 1, 2}, new double[] {0, 0, 0}, null);
    RewardModel model = LogisticRegression.withC(1).fit(data);
    double[] q = new double[1];
    model.predict(new double[] {1.5}, 1, null, 1, q);
    assertThat(q[0]).isEqualTo(0.0);
  }

  @Test
  void perPosition_fitsOneModelPerSlot() {
    // Position 0 rewards follow x, position 1 rewards follow -x: one shared slope cannot fit both.
    double[] x = {0, 1, 2, 0, 1, 2};
    double[] y = {0, 1, 2, 2, 1, 0};
    int[] positions = {0, 0, 0, 1, 1, 1};
    RewardData data = new RewardData(x, 1, new int[6], positions, y, null, 1);
    RewardModel model = RidgeRegression.withAlpha(1e-9)
        .features(RewardFeatures.defaults().perActionModels().withPositions(RewardFeatures.Positions.PER_POSITION))
        .fit(data);
    double[] q = new double[2];
    model.predict(new double[] {3, 3}, 1, new int[] {0, 1}, 2, q);
    assertThat(q[0]).isCloseTo(3.0, within(1e-6));
    assertThat(q[1]).isCloseTo(-1.0, within(1e-6));
  }

  @Test
  void actionContext_entersTheFeatures() {
    // Reward = 2 * (action feature), no one-hot: a near-unpenalised ridge recovers the slope.
    double[] table = {0.0, 1.0, 3.0};
    int n = 30;
    double[] x = new double[n];
    int[] actions = new int[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      actions[i] = i % 3;
      y[i] = 2 * table[actions[i]];
    }
    RewardModel model = RidgeRegression.withAlpha(1e-9)
        .features(RewardFeatures.defaults().withoutActionOneHot().withActionContext(table, 1))
        .fit(new RewardData(x, 1, actions, null, y, null, 3));
    double[] q = new double[3];
    model.predict(new double[] {0.0}, 1, null, 1, q);
    assertThat(q).containsExactly(new double[] {0.0, 2.0, 6.0}, within(1e-6));
  }

  private static double sigmoid(double t) {
    return 1.0 / (1.0 + Math.exp(-t));
  }

  /** A seeded logistic-bandit data set. */
  record RandomData(RewardData data) {
    static RandomData of(long seed, int n, int dim, int k, int positions, boolean binary) {
      SplittableRandom random = new SplittableRandom(seed);
      double[] x = new double[n * dim];
      int[] actions = new int[n];
      int[] slots = new int[n];
      double[] rewards = new double[n];
      for (int i = 0; i < n; i++) {
        double eta = -0.5;
        for (int j = 0; j < dim; j++) {
          x[i * dim + j] = random.nextGaussian();
          eta += 0.4 * x[i * dim + j] * (j % 2 == 0 ? 1 : -1);
        }
        actions[i] = random.nextInt(k);
        slots[i] = random.nextInt(positions);
        eta += 0.3 * actions[i] - 0.2 * slots[i];
        double p = 1.0 / (1.0 + Math.exp(-eta));
        rewards[i] = binary ? (random.nextDouble() < p ? 1 : 0) : eta + random.nextGaussian();
      }
      return new RandomData(new RewardData(x, dim, actions, slots, rewards, null, k));
    }
  }
}
