package io.ope4j.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The exact values on a pool small enough to compute by hand: K = 2 actions, d = 1 feature, M = 2
 * contexts x = 1 and x = -1, theta = (1, -1), bias = (0, 0.5). The linear scores s(x, a) are
 *
 * <pre>
 *           a = 0   a = 1
 *   x =  1    1     -0.5
 *   x = -1   -1      1.5
 * </pre>
 *
 * Their mean is 0.25 and their population variance (0.75^2 + 0.75^2 + 1.25^2 + 1.25^2) / 4 =
 * 17/16, so sigma_mu = sqrt(17) / 4 for continuous linear rewards.
 */
class GroundTruthTest {

  /** Closed forms evaluated in another order than the code's: allow a few ulps. */
  private static final double ULPS = 1e-15;

  private static final double SIGMA = Math.sqrt(17.0) / 4.0;

  private static SyntheticConfig tiny() {
    return SyntheticConfig.defaults().withActions(2).withContextDim(1).withPoolSize(2)
        .withBehaviourTemperature(2.0).withModelNoise(0.0)
        .withPolicies(
            PolicySpec.uniform(),
            PolicySpec.argmax(),
            PolicySpec.epsilonGreedy(0.5),
            PolicySpec.softmax("soft", 1.0));
  }

  private static SyntheticParameters parameters(double... modelError) {
    return new SyntheticParameters(
        new double[] {1.0, -1.0}, new double[] {0.0, 0.5}, new double[] {1.0, -1.0}, modelError);
  }

  private static SyntheticBandit tinyBandit(SyntheticConfig config) {
    return SyntheticBandit.of(config, parameters(0.0, 0.0, 0.0, 0.0));
  }

  /** Probability of the better action of two whose standardised scores differ by gap. */
  private static double logistic(double gap) {
    return 1.0 / (1.0 + Math.exp(-gap));
  }

  @Test
  void linearContinuous_valuesByHand() {
    SyntheticBandit bandit = tinyBandit(tiny());
    GroundTruth truth = bandit.truth();
    assertThat(bandit.rewardScale()).isEqualTo(SIGMA);
    assertThat(bandit.meanReward(0, 1)).isEqualTo(-0.5);
    assertThat(bandit.meanReward(1, 1)).isEqualTo(1.5);
    // Dyadic numbers: these are exact in floating point.
    // uniform: (1 - 0.5 - 1 + 1.5) / 4
    assertThat(truth.value("uniform")).isEqualTo(0.25);
    // argmax: action 0 at x = 1, action 1 at x = -1: (1 + 1.5) / 2
    assertThat(truth.value("argmax")).isEqualTo(1.25);
    // epsilon 0.5: (0.75 * 1 + 0.25 * -0.5 + 0.25 * -1 + 0.75 * 1.5) / 2 = (0.625 + 0.875) / 2
    assertThat(truth.value("egreedy")).isEqualTo(0.75);
    // softmax at temperature 1 on s / sigma: the better action's probability is
    // logistic(gap / sigma), with gaps 1.5 (x = 1) and 2.5 (x = -1).
    double p0 = logistic(1.5 / SIGMA);
    double p1 = logistic(2.5 / SIGMA);
    double soft = (p0 * 1 + (1 - p0) * -0.5 + (1 - p1) * -1 + p1 * 1.5) / 2;
    assertThat(truth.value("soft")).isCloseTo(soft, within(ULPS));
    // behaviour: softmax at temperature 2.
    double b0 = logistic(1.5 / SIGMA / 2);
    double b1 = logistic(2.5 / SIGMA / 2);
    double behaviour = (b0 * 1 + (1 - b0) * -0.5 + (1 - b1) * -1 + b1 * 1.5) / 2;
    assertThat(truth.behaviourValue()).isCloseTo(behaviour, within(ULPS));
    assertThat(bandit.behaviourProbability(0, 0)).isCloseTo(b0, within(ULPS));
    assertThat(bandit.behaviourProbability(1, 1)).isCloseTo(b1, within(ULPS));
    assertThat(truth.values()).containsExactly(0.25, 1.25, 0.75, truth.value(3));
    assertThat(truth.policies()).containsExactly("uniform", "argmax", "egreedy", "soft");
  }

  @Test
  void perfectModel_hasTheTrueValues() {
    GroundTruth truth = tinyBandit(tiny()).truth();
    for (int p = 0; p < truth.policyCount(); p++) {
      assertThat(truth.modelValue(p)).isCloseTo(truth.value(p), within(ULPS));
    }
    assertThat(truth.behaviourModelValue()).isCloseTo(truth.behaviourValue(), within(ULPS));
  }

  @Test
  void modelError_isScaledBySigmaAndModelNoise() {
    // e = (1, 0; 0, -2), modelNoise 0.5: q = (1 + sigma/2, -0.5; -1, 1.5 - sigma).
    SyntheticBandit bandit =
        SyntheticBandit.of(tiny().withModelNoise(0.5), parameters(1.0, 0.0, 0.0, -2.0));
    assertThat(bandit.modelPrediction(0, 0)).isCloseTo(1 + SIGMA / 2, within(ULPS));
    assertThat(bandit.modelPrediction(1, 1)).isCloseTo(1.5 - SIGMA, within(ULPS));
    assertThat(bandit.modelPrediction(0, 1)).isEqualTo(-0.5);
    GroundTruth truth = bandit.truth();
    // uniform: ((1 + sigma/2 - 0.5) / 2 + (-1 + 1.5 - sigma) / 2) / 2 = 0.25 - sigma / 8
    assertThat(truth.modelValue(0)).isCloseTo(0.25 - SIGMA / 8, within(ULPS));
    // argmax picks action 0 at x = 1 and action 1 at x = -1: (1 + sigma/2 + 1.5 - sigma) / 2
    assertThat(truth.modelValue(1)).isCloseTo(1.25 - SIGMA / 4, within(ULPS));
    // The model does not change the true values.
    assertThat(truth.value(0)).isEqualTo(0.25);
  }

  @Test
  void linearBinary_mapsScoresOntoFivePercentToNinetyFive() {
    // t = (s + 1) / 2.5: mu = 0.05 + 0.9 t = 0.77, 0.23; 0.05, 0.95.
    SyntheticBandit bandit = tinyBandit(tiny().withRewardType(RewardType.BINARY));
    assertThat(bandit.meanReward(0, 0)).isCloseTo(0.77, within(ULPS));
    assertThat(bandit.meanReward(0, 1)).isCloseTo(0.23, within(ULPS));
    assertThat(bandit.meanReward(1, 0)).isEqualTo(0.05);
    assertThat(bandit.meanReward(1, 1)).isEqualTo(0.95);
    GroundTruth truth = bandit.truth();
    assertThat(truth.value("uniform")).isCloseTo(0.5, within(ULPS));
    assertThat(truth.value("argmax")).isCloseTo((0.77 + 0.95) / 2, within(ULPS));
    // An affine map of mu is a shift of mu / sigma_mu: the policies do not change.
    SyntheticBandit continuous = tinyBandit(tiny());
    assertThat(bandit.policyProbability(3, 0, 0))
        .isCloseTo(continuous.policyProbability(3, 0, 0), within(ULPS));
  }

  @Test
  void logistic_valuesByHand() {
    SyntheticBandit bandit = tinyBandit(tiny().withRewardFunction(RewardFunction.LOGISTIC));
    // sigmoid(1) + sigmoid(-1) = 1, so the uniform value is (1 + sigmoid(-0.5) + sigmoid(1.5)) / 4.
    double expected = (1 + logistic(-0.5) + logistic(1.5)) / 4;
    assertThat(bandit.truth().value("uniform")).isCloseTo(expected, within(ULPS));
    assertThat(bandit.truth().value("argmax"))
        .isCloseTo((logistic(1.0) + logistic(1.5)) / 2, within(ULPS));
  }

  @Test
  void equalScores_giveUnitScaleAndUniformPolicies() {
    // All scores 0.5: sigma_mu would be 0, so the scale falls back to 1 and softmax is uniform.
    SyntheticBandit bandit = SyntheticBandit.of(tiny(), new SyntheticParameters(
        new double[] {0.0, 0.0}, new double[] {0.5, 0.5}, new double[] {1.0, -1.0},
        new double[4]));
    assertThat(bandit.rewardScale()).isEqualTo(1.0);
    assertThat(bandit.behaviourProbability(0, 1)).isEqualTo(0.5);
    assertThat(bandit.truth().value("soft")).isEqualTo(0.5);
    assertThat(bandit.truth().value("argmax")).isEqualTo(0.5);
  }

  @Test
  void truth_isThePoolAverageForDefaultConfig() {
    // A brute-force sum through the public accessors, in another order than the code's.
    SyntheticBandit bandit = SyntheticBandit.of(SyntheticConfig.defaults());
    GroundTruth truth = bandit.truth();
    for (int p = 0; p < truth.policyCount(); p++) {
      double value = 0.0;
      double model = 0.0;
      for (int a = 0; a < 10; a++) {
        for (int m = 0; m < 1000; m++) {
          value += bandit.policyProbability(p, m, a) * bandit.meanReward(m, a);
          model += bandit.policyProbability(p, m, a) * bandit.modelPrediction(m, a);
        }
      }
      assertThat(truth.value(p)).isCloseTo(value / 1000, within(1e-12));
      assertThat(truth.modelValue(p)).isCloseTo(model / 1000, within(1e-12));
    }
    assertThat(truth.toMap()).containsOnlyKeys("softmax", "egreedy", "argmax", "uniform");
    assertThatThrownBy(() -> truth.value("nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }

  @Test
  void parameters_mustFitTheConfig() {
    assertThatThrownBy(() -> SyntheticBandit.of(tiny().withPoolSize(3), parameters(0, 0, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M=3");
  }
}
