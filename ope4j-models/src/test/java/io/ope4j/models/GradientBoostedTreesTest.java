package io.ope4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GradientBoostedTreesTest {

  @Test
  void binary_learnsTheRewardAndIsDeterministic() {
    LinearFitsTest.RandomData random = LinearFitsTest.RandomData.of(3, 4000, 4, 3, 2, true);
    RewardData data = random.data();
    GradientBoostedTrees fitter = GradientBoostedTrees.binary().rounds(20).maxDepth(3).seed(7);
    RewardModel first = fitter.fit(data);
    RewardModel second = fitter.fit(data);
    int n = data.rows();
    double[] q1 = new double[n * 3];
    double[] q2 = new double[n * 3];
    first.predict(data.contexts(), 4, data.positions(), n, q1);
    second.predict(data.contexts(), 4, data.positions(), n, q2);
    assertThat(Arrays.equals(q1, q2)).as("same seed, one thread: same trees").isTrue();
    assertThat(Arrays.stream(q1).allMatch(q -> q > 0 && q < 1)).as("probabilities").isTrue();
    // Better than the constant model on the rows it saw: log-loss below the entropy of the mean.
    double mean = Arrays.stream(data.rewards()).average().orElseThrow();
    double model = 0;
    double constant = 0;
    for (int i = 0; i < n; i++) {
      double r = data.rewards()[i];
      double q = q1[i * 3 + data.actions()[i]];
      model -= r * Math.log(q) + (1 - r) * Math.log(1 - q);
      constant -= r * Math.log(mean) + (1 - r) * Math.log(1 - mean);
    }
    assertThat(model).isLessThan(constant);
    assertThat(fitter.describe()).startsWith("xgboost(binary:logistic, rounds=20, max_depth=3");
  }

  @Test
  void regression_perAction_fitsContinuousRewards() {
    LinearFitsTest.RandomData random = LinearFitsTest.RandomData.of(5, 2000, 2, 2, 1, false);
    RewardModel model = GradientBoostedTrees.regression().rounds(10)
        .features(RewardFeatures.defaults().perActionModels()).fit(random.data());
    double[] q = new double[2 * 2];
    model.predict(new double[] {0, 0, 1, 1}, 2, new int[] {0, 0}, 2, q);
    assertThat(Arrays.stream(q).allMatch(v -> Math.abs(v) < 5)).as(Arrays.toString(q)).isTrue();
  }

  @Test
  void binary_rejectsContinuousRewards() {
    LinearFitsTest.RandomData random = LinearFitsTest.RandomData.of(5, 100, 2, 2, 1, false);
    assertThatThrownBy(() -> GradientBoostedTrees.binary().fit(random.data()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binary rewards");
  }
}
