package io.ope4j.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed rows of every rule over a tiny linear model. */
class ScoredPolicyTest {

  /** s(x, a) = bias[a] + w[a] . x with K = 3, d = 2. */
  private static final LinearScoringModel MODEL = LinearScoringModel.of(
      new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0.5, -1});

  /** Two rows: x = (2, 3) scores (2, 3.5, 4); x = (1, 0.5) scores (1, 1, 0.5), a tie. */
  private static final double[] CONTEXTS = {2, 3, 1, 0.5};

  private static double[] run(ActionRule rule) {
    double[] out = new double[6];
    ScoredPolicy.of(MODEL, rule).probabilities(CONTEXTS, 2, null, 2, out);
    return out;
  }

  @Test
  void linearScores_areBiasPlusWeightsTimesContext() {
    double[] scores = new double[6];
    MODEL.scores(CONTEXTS, 2, scores);
    assertThat(scores).containsExactly(2, 3.5, 4, 1, 1, 0.5);
  }

  @Test
  void argmax_putsAllMassOnTheBestAction_lowestIndexOnTies() {
    assertThat(run(ActionRule.argmax())).containsExactly(0, 0, 1, 1, 0, 0);
  }

  @Test
  void epsilonGreedy_spreadsEpsilonEvenly() {
    // epsilon / K = 0.1 each, plus 1 - epsilon = 0.7 on the argmax.
    assertThat(run(ActionRule.epsilonGreedy(0.3)))
        .containsExactly(new double[] {0.1, 0.1, 0.8, 0.8, 0.1, 0.1}, within(1e-15));
    assertThat(run(ActionRule.epsilonGreedy(1.0)))
        .containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-15));
    assertThat(run(ActionRule.epsilonGreedy(0.0))).containsExactly(run(ActionRule.argmax()));
  }

  @Test
  void softmax_ofLogarithms_isProportional() {
    // Scores (0, ln 2, ln 3) at temperature 1 give (1, 2, 3) / 6; at temperature 2 the square
    // roots (1, sqrt 2, sqrt 3) normalised.
    ScoringModel logs = LinearScoringModel.of(new double[][] {{0}, {0}, {0}},
        new double[] {0, Math.log(2), Math.log(3)});
    double[] out = new double[3];
    ScoredPolicy.of(logs, ActionRule.softmax(1.0)).probabilities(new double[] {7}, 1, null, 1, out);
    assertThat(out).containsExactly(new double[] {1 / 6.0, 2 / 6.0, 3 / 6.0}, within(1e-15));
    ScoredPolicy.of(logs, ActionRule.softmax(2.0)).probabilities(new double[] {7}, 1, null, 1, out);
    double total = 1 + Math.sqrt(2) + Math.sqrt(3);
    assertThat(out).containsExactly(new double[] {1 / total, Math.sqrt(2) / total, Math.sqrt(3) / total},
        within(1e-15));
  }

  @Test
  void softmax_doesNotOverflowOnHugeScores() {
    ScoringModel huge = LinearScoringModel.of(new double[][] {{0}, {0}}, new double[] {1000, 1000 + Math.log(3)});
    double[] out = new double[2];
    ScoredPolicy.of(huge, ActionRule.softmax(1.0)).probabilities(new double[] {0}, 1, null, 1, out);
    assertThat(out).containsExactly(new double[] {0.25, 0.75}, within(1e-12));
  }

  @Test
  void probabilities_areCheckedAndRenormalised() {
    ScoringModel given = LinearScoringModel.of(new double[][] {{0}, {0}}, new double[] {0.25, 0.75 + 5e-5});
    double[] out = new double[2];
    ScoredPolicy.of(given, ActionRule.probabilities()).probabilities(new double[] {0}, 1, null, 1, out);
    assertThat(out[0] + out[1]).isEqualTo(1.0);
    ScoringModel scores = LinearScoringModel.of(new double[][] {{0}, {0}}, new double[] {2, -1});
    assertThatThrownBy(() -> ScoredPolicy.of(scores, ActionRule.probabilities())
        .probabilities(new double[] {0}, 1, null, 1, new double[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a probability");
  }

  @Test
  void wrongContextWidth_isRejectedNamingBothSizes() {
    assertThatThrownBy(() -> ScoredPolicy.of(MODEL, ActionRule.argmax())
        .probabilities(new double[3], 3, null, 1, new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reads 2 context features, the log has 3");
  }

  @Test
  void nonFiniteScore_isRejectedNamingTheRow() {
    assertThatThrownBy(() -> ScoredPolicy.of(MODEL, ActionRule.softmax(1))
        .probabilities(new double[] {1, 1, Double.NaN, 0}, 2, null, 2, new double[6]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
  }

  @Test
  void badParameters_areRejected() {
    assertThatThrownBy(() -> ActionRule.epsilonGreedy(1.5)).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> ActionRule.softmax(0)).hasMessageContaining("temperature");
    assertThatThrownBy(() -> LinearScoringModel.of(new double[][] {{1, 2}, {3}}, new double[] {0, 0}))
        .hasMessageContaining("row 1 has 1 values");
    assertThatThrownBy(() -> LinearScoringModel.of(new double[][] {{1}}, new double[] {0, 0}))
        .hasMessageContaining("one per action");
    assertThatThrownBy(() -> UniformPolicy.of(0)).hasMessageContaining("at least one action");
  }

  @Test
  void uniform_isOneOverK() {
    double[] out = new double[8];
    UniformPolicy.of(4).probabilities(new double[0], 0, null, 2, out);
    assertThat(out).containsOnly(0.25);
  }
}
