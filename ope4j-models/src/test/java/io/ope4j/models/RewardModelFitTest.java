package io.ope4j.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.rewardmodel.CrossFittedModel;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.rewardmodel.RewardData;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RewardModelFitTest {

  private static final int N = 400;
  private static final int K = 3;

  /** Binary rewards whose rate grows with the context and the action. */
  private static RewardData data() {
    SplittableRandom random = new SplittableRandom(4);
    double[] x = new double[N];
    int[] actions = new int[N];
    double[] rewards = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = random.nextDouble();
      actions[i] = random.nextInt(K);
      rewards[i] = random.nextDouble() < 0.2 + 0.2 * x[i] + 0.1 * actions[i] ? 1 : 0;
    }
    return new RewardData(x, 1, actions, null, rewards, null, K);
  }

  @Test
  void aSpec_givesTheCrossFittedModelOfItsFitter() {
    RewardData data = data();
    CrossFittedModel model = RewardModelFit.of("logistic:C=100").fit(data);
    assertThat(model.describe()).isEqualTo("logistic(C=100), cross-fitted (3 folds, seed 12345), weights plain");
    CrossFittedModel byHand = CrossFittedModel.fit(LogisticRegression.withC(100).threads(1), data,
        CrossFitting.folds(3, 12345));
    assertThat(RewardModelFit.of("logistic:C=100").threads(2).predictions(data))
        .isEqualTo(byHand.predictAll(data.contexts(), 1, null, N));
  }

  @Test
  void featuresAndCrossFitting_areThoseChosen() {
    RewardModelFit fit = RewardModelFit.of("ridge:alpha=2").features(RewardFeatures.parse("per-action", "ignore"))
        .crossFitting(CrossFitting.inSample());
    assertThat(fit.fitter().describe()).isEqualTo("ridge(alpha=2, per action, positions ignored)");
    assertThat(fit.fit(data()).describe()).contains("in-sample");
  }

  @Test
  void badSpecsAndKinds_areRefusedAtOnce() {
    assertThatThrownBy(() -> RewardModelFit.of("forest")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("reward model 'forest': unknown model");
    assertThatThrownBy(() -> RewardFeatures.parse("stacked", "one-hot")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model features must be additive or per-action, got 'stacked'");
    assertThatThrownBy(() -> RewardModelFit.of("ridge").threads(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
