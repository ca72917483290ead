package io.ope4j.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Hand-computed tiny cases, exact, and seeded properties of the metrics. */
class SelectionMetricsTest {

  // Four candidates whose values make every hand computation exact in binary.
  private static final double[] TRUTH = {1, 2, 4, 8};
  private static final double[] TIED = {2, 2, 5, 6};
  private static final double[] ESTIMATE = {2, 9, 5, 6};

  @Test
  void meanSquaredError_handComputed() {
    // Errors 1, 0, 1, -2: (1 + 0 + 1 + 4) / 4.
    assertThat(SelectionMetrics.meanSquaredError(TRUTH, TIED)).isEqualTo(1.5);
  }

  @Test
  void relativeEstimationError_handComputed() {
    // |e| / |J|: 1/1, 0/2, 1/4, 2/8 -> mean 1.5 / 4.
    assertThat(SelectionMetrics.relativeEstimationError(TRUTH, TIED)).isEqualTo(0.375);
  }

  @Test
  void relativeEstimationError_isInfiniteWhenATrueValueIsZero() {
    assertThat(SelectionMetrics.relativeEstimationError(new double[] {0, 1}, new double[] {1, 1})).isInfinite();
  }

  @Test
  void spearman_averagesTiedRanks() {
    // Ranks: truth 1, 2, 3, 4; estimates 1.5, 1.5, 3, 4. Centred on 2.5: cross-products sum to
    // 4.5, squares to 5 and 4.5.
    assertThat(SelectionMetrics.spearman(TRUTH, TIED)).isEqualTo(4.5 / Math.sqrt(5 * 4.5));
  }

  @Test
  void spearman_isNaNWhenEveryEstimateIsEqual() {
    assertThat(SelectionMetrics.spearman(TRUTH, new double[] {3, 3, 3, 3})).isNaN();
  }

  @Test
  void kendallTau_isTauB() {
    // Six pairs: five concordant, one tied in the estimates only: 5 / sqrt(6 * 5).
    assertThat(SelectionMetrics.kendallTau(TRUTH, TIED)).isEqualTo(5 / Math.sqrt(30));
    // Ranking 2, 9, 5, 6 against 1, 2, 4, 8: pairs (1,2), (1,3) discordant; C = 4, D = 2.
    assertThat(SelectionMetrics.kendallTau(TRUTH, ESTIMATE)).isEqualTo(2 / 6.0);
  }

  @Test
  void regret_isTheBestTrueValueMinusTheBestChosen() {
    int[] ranking = Ranking.descending(ESTIMATE, TieBreak.FIRST_LISTED); // 1, 3, 2, 0
    assertThat(ranking).containsExactly(1, 3, 2, 0);
    assertThat(SelectionMetrics.regret(TRUTH, ranking, 1)).isEqualTo(6.0); // 8 - 2
    assertThat(SelectionMetrics.regret(TRUTH, ranking, 2)).isEqualTo(0.0); // the best is second
    assertThat(SelectionMetrics.regret(TRUTH, ranking, 4)).isEqualTo(0.0);
  }

  @Test
  void regretSumOfTopK_isScopeRlsCodedVariant() {
    int[] ranking = {1, 3, 2, 0};
    assertThat(SelectionMetrics.regretSumOfTopK(TRUTH, ranking, 1)).isEqualTo(6.0); // 8 - 2
    assertThat(SelectionMetrics.regretSumOfTopK(TRUTH, ranking, 2)).isEqualTo(2.0); // (8 + 4) - (2 + 8)
    assertThat(SelectionMetrics.regretSumOfTopK(TRUTH, ranking, 3)).isEqualTo(0.0);
  }

  @Test
  void regret_rejectsKOutOfRange() {
    int[] ranking = {1, 3, 2, 0};
    assertThatThrownBy(() -> SelectionMetrics.regret(TRUTH, ranking, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be between 1 and the number of candidates (4), got 5");
    assertThatThrownBy(() -> SelectionMetrics.regret(TRUTH, ranking, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typeIAndIIErrorRates_handComputed() {
    // Threshold 3: safe {4, 8} both estimated >= 3; unsafe {1, 2} estimated 2 and 9.
    assertThat(SelectionMetrics.typeIErrorRate(TRUTH, ESTIMATE, 3)).isEqualTo(0.0);
    assertThat(SelectionMetrics.typeIIErrorRate(TRUTH, ESTIMATE, 3)).isEqualTo(0.5);
    // A true value equal to the threshold is safe; its estimate just below it is a type I error.
    assertThat(SelectionMetrics.typeIErrorRate(TRUTH, new double[] {1, 2, 3.5, 8}, 4)).isEqualTo(0.5);
  }

  @Test
  void typeIAndIIErrorRates_areZeroWithoutCandidatesOnThatSide() {
    assertThat(SelectionMetrics.typeIErrorRate(TRUTH, ESTIMATE, 100)).isEqualTo(0.0);
    assertThat(SelectionMetrics.typeIIErrorRate(TRUTH, ESTIMATE, -100)).isEqualTo(0.0);
    assertThat(SelectionMetrics.typeIIErrorRate(TRUTH, ESTIMATE, Double.NaN)).isNaN();
  }

  @Test
  void scopeRlRankCorrelation_breaksTiesInsteadOfAveraging() {
    // Truth order 8, 4, 2, 1 (indices 3, 2, 1, 0); estimates in that order 6, 5, 2, 2; the tied
    // pair goes later-listed first: positions 0, 1, 3, 2, so sum d^2 = 2 and rho = 1 - 12 / 60.
    assertThat(SelectionMetrics.scopeRlRankCorrelation(TRUTH, TIED)).isEqualTo(0.8);
  }

  @Test
  void mismatchedLengthsAreRejected() {
    assertThatThrownBy(() -> SelectionMetrics.meanSquaredError(TRUTH, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 true values and 1 estimates");
  }

  @RepeatedTest(25)
  void exactEstimates_scorePerfectly(RepetitionInfo repetition) {
    long seed = 77 + repetition.getCurrentRepetition();
    double[] truth = distinctValues(new SplittableRandom(seed), 2 + repetition.getCurrentRepetition());
    int[] ranking = Ranking.descending(truth, TieBreak.FIRST_LISTED);
    assertThat(SelectionMetrics.meanSquaredError(truth, truth)).as("seed %s", seed).isZero();
    assertThat(SelectionMetrics.spearman(truth, truth)).as("seed %s", seed).isCloseTo(1.0, within(1e-15));
    assertThat(SelectionMetrics.kendallTau(truth, truth)).as("seed %s", seed).isEqualTo(1.0);
    for (int k = 1; k <= truth.length; k++) {
      assertThat(SelectionMetrics.regret(truth, ranking, k)).as("seed %s k %s", seed, k).isZero();
    }
  }

  @RepeatedTest(25)
  void metrics_dependNotOnTheOrderCandidatesAreListedIn(RepetitionInfo repetition) {
    long seed = 500 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    int n = 2 + random.nextInt(30);
    double[] truth = distinctValues(random, n);
    double[] estimate = distinctValues(random, n);
    int[] permutation = Ranking.descending(distinctValues(random, n), TieBreak.FIRST_LISTED);
    double[] truth2 = new double[n];
    double[] estimate2 = new double[n];
    for (int i = 0; i < n; i++) {
      truth2[i] = truth[permutation[i]];
      estimate2[i] = estimate[permutation[i]];
    }
    assertThat(SelectionMetrics.spearman(truth2, estimate2)).as("seed %s", seed)
        .isCloseTo(SelectionMetrics.spearman(truth, estimate), within(1e-14));
    assertThat(SelectionMetrics.kendallTau(truth2, estimate2)).as("seed %s", seed)
        .isEqualTo(SelectionMetrics.kendallTau(truth, estimate));
    int k = 1 + random.nextInt(n);
    assertThat(SelectionMetrics.regret(truth2, Ranking.descending(estimate2, TieBreak.FIRST_LISTED), k))
        .as("seed %s", seed)
        .isEqualTo(SelectionMetrics.regret(truth, Ranking.descending(estimate, TieBreak.FIRST_LISTED), k));
  }

  @RepeatedTest(25)
  void spearmanAndKendall_ignoreMonotoneTransforms(RepetitionInfo repetition) {
    long seed = 900 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    int n = 2 + random.nextInt(30);
    double[] truth = distinctValues(random, n);
    double[] estimate = new double[n];
    double[] transformed = new double[n];
    for (int i = 0; i < n; i++) {
      estimate[i] = random.nextInt(6); // ties
      transformed[i] = Math.exp(estimate[i]) - 3;
    }
    assertThat(SelectionMetrics.spearman(truth, transformed)).as("seed %s", seed)
        .isEqualTo(SelectionMetrics.spearman(truth, estimate));
    assertThat(SelectionMetrics.kendallTau(truth, transformed)).as("seed %s", seed)
        .isEqualTo(SelectionMetrics.kendallTau(truth, estimate));
  }

  private static double[] distinctValues(SplittableRandom random, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = i + random.nextDouble(); // distinct: each in its own unit interval
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }
}
