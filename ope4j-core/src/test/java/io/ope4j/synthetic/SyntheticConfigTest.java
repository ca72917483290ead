package io.ope4j.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticConfigTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    SyntheticConfig config = SyntheticConfig.defaults();
    assertThat(config.nActions()).isEqualTo(10);
    assertThat(config.contextDim()).isEqualTo(5);
    assertThat(config.poolSize()).isEqualTo(1000);
    assertThat(config.rewardFunction()).isEqualTo(RewardFunction.LINEAR);
    assertThat(config.rewardType()).isEqualTo(RewardType.CONTINUOUS);
    assertThat(config.rewardNoise()).isEqualTo(0.5);
    assertThat(config.behaviourTemperature()).isEqualTo(1.0);
    assertThat(config.modelNoise()).isEqualTo(0.1);
    assertThat(config.seed()).isEqualTo(1L);
    assertThat(config.policyNames()).containsExactly("softmax", "egreedy", "argmax", "uniform");
    assertThat(config.policies()).containsExactly(
        new PolicySpec.Softmax("softmax", 0.5),
        new PolicySpec.EpsilonGreedy("egreedy", 0.1),
        new PolicySpec.Argmax("argmax"),
        new PolicySpec.Uniform("uniform"));
    assertThat(SyntheticConfig.defaults(7L)).isEqualTo(config.withSeed(7L));
  }

  @Test
  void with_changesOneFieldOnly() {
    SyntheticConfig base = SyntheticConfig.defaults();
    SyntheticConfig changed = base.withActions(3).withContextDim(2).withPoolSize(50)
        .withRewardFunction(RewardFunction.LOGISTIC).withRewardType(RewardType.BINARY)
        .withRewardNoise(2.0).withBehaviourTemperature(0.5).withModelNoise(0.0).withSeed(-3L)
        .withPolicies(PolicySpec.uniform("u"));
    assertThat(changed).isEqualTo(new SyntheticConfig(3, 2, 50, RewardFunction.LOGISTIC,
        RewardType.BINARY, 2.0, 0.5, List.of(PolicySpec.uniform("u")), 0.0, -3L));
    assertThat(base).isEqualTo(SyntheticConfig.defaults());
  }

  @Test
  void policies_areCopied() {
    List<PolicySpec> policies = new ArrayList<>(List.of(PolicySpec.argmax()));
    SyntheticConfig config = SyntheticConfig.defaults().withPolicies(policies);
    policies.add(PolicySpec.uniform());
    assertThat(config.policies()).hasSize(1);
  }

  @Test
  void constructor_rejectsValuesOutsideTheirRange() {
    SyntheticConfig base = SyntheticConfig.defaults();
    assertRejected(() -> base.withActions(1), "nActions");
    assertRejected(() -> base.withContextDim(-1), "contextDim");
    assertRejected(() -> base.withPoolSize(0), "poolSize");
    assertRejected(() -> base.withPoolSize(Integer.MAX_VALUE), "poolSize * max");
    assertRejected(() -> base.withRewardNoise(-0.1), "rewardNoise");
    assertRejected(() -> base.withRewardNoise(Double.NaN), "rewardNoise");
    assertRejected(() -> base.withRewardNoise(Double.POSITIVE_INFINITY), "rewardNoise");
    assertRejected(() -> base.withBehaviourTemperature(0.0), "behaviourTemperature");
    assertRejected(() -> base.withBehaviourTemperature(Double.NaN), "behaviourTemperature");
    assertRejected(() -> base.withModelNoise(-1.0), "modelNoise");
    assertRejected(() -> base.withPolicies(List.of()), "at least one");
    assertRejected(() -> base.withPolicies(PolicySpec.argmax(), PolicySpec.softmax("argmax", 1.0)),
        "distinct, got argmax twice");
    assertThatThrownBy(() -> base.withRewardType(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void policySpec_rejectsBadNamesAndParameters() {
    assertRejected(() -> PolicySpec.uniform(""), "policy name");
    assertRejected(() -> PolicySpec.uniform("a b"), "got a b");
    assertRejected(() -> PolicySpec.argmax("pi,1"), "policy name");
    assertRejected(() -> PolicySpec.argmax(null), "policy name");
    assertRejected(() -> PolicySpec.softmax(0.0), "temperature");
    assertRejected(() -> PolicySpec.softmax(Double.POSITIVE_INFINITY), "temperature");
    assertRejected(() -> PolicySpec.epsilonGreedy(1.5), "epsilon");
    assertRejected(() -> PolicySpec.epsilonGreedy(Double.NaN), "epsilon");
    assertThat(PolicySpec.epsilonGreedy("e-1_B", 1.0).name()).isEqualTo("e-1_B");
  }

  @Test
  void policySpec_probabilitiesOnAHandRow() {
    double[] score = {9.0, 0.0, 2.0, 2.0, 0.0};
    double[] out = new double[6];
    // Scores (0, 2, 2, 0) from offset 1, output from offset 2: offsets must be honoured. The
    // 9.0 before the row would win if the offset were ignored.
    PolicySpec.epsilonGreedy(0.4).probabilities(score, 1, 4, out, 2);
    assertThat(out).containsExactly(new double[] {0.0, 0.0, 0.1, 0.7, 0.1, 0.1}, within(1e-15));
    // Ties go to the lowest index: the first 2.0.
    PolicySpec.argmax().probabilities(score, 1, 4, out, 2);
    assertThat(out).containsExactly(0.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    PolicySpec.uniform().probabilities(score, 1, 4, out, 2);
    assertThat(out).containsExactly(0.0, 0.0, 0.25, 0.25, 0.25, 0.25);
    PolicySpec.softmax(2.0).probabilities(score, 1, 4, out, 2);
    double e = Math.exp(1.0); // exp(score difference 2 / temperature 2)
    double low = 1 / (2 + 2 * e);
    double high = e / (2 + 2 * e);
    assertThat(out).containsExactly(new double[] {0.0, 0.0, low, high, high, low}, within(1e-15));
  }

  @Test
  void softmax_doesNotOverflowAtTinyTemperature() {
    double[] score = {1000.0, 999.0};
    double[] out = new double[2];
    PolicySpec.softmax(1e-3).probabilities(score, 0, 2, out, 0);
    assertThat(out).containsExactly(1.0, 0.0);
  }

  private static void assertRejected(Runnable construction, String message) {
    assertThatThrownBy(construction::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
