package io.ope4j.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The top-k portfolio statistics on a case small enough to compute by hand. */
class TopKCurveTest {

  // Ranked by the estimates 2, 9, 5, 6 the candidates come 1, 3, 2, 0: true values 2, 8, 4, 1.
  private static final double[] TRUTH = {1, 2, 4, 8};
  private static final int[] RANKING = {1, 3, 2, 0};
  private static final double BASELINE = 3.0;

  @Test
  void documented_handComputed() {
    TopKCurve curve = TopKCurve.of(TRUTH, RANKING, BASELINE, BASELINE, 4, ScopeRlCompatibility.NONE);
    assertThat(curve.kth()).containsExactly(2, 8, 4, 1);
    assertThat(curve.best()).containsExactly(2, 8, 8, 8);
    assertThat(curve.worst()).containsExactly(2, 2, 2, 1);
    assertThat(curve.mean()).containsExactly(2, 5, 14 / 3.0, 3.75);
    assertThat(curve.safetyViolationRate()).containsExactly(1, 0.5, 1 / 3.0, 0.5);
    // std@2 of {2, 8} with divisor 2 is 3; SharpeRatio@2 = (8 - 3) / 3.
    assertThat(curve.stdAt(1)).isZero();
    assertThat(curve.stdAt(2)).isEqualTo(3.0);
    assertThat(curve.sharpeRatioAt(2)).isEqualTo(5 / 3.0);
    // std@4 of {2, 8, 4, 1}: mean 3.75, squared deviations 3.0625 + 18.0625 + 0.0625 + 7.5625.
    assertThat(curve.stdAt(4)).isEqualTo(Math.sqrt(28.75 / 4));
  }

  @Test
  void documented_sharpeRatioIsUndefinedWithoutRisk() {
    // k = 1 has no spread; so do two candidates with equal true values.
    TopKCurve curve = TopKCurve.of(new double[] {6, 6, 3}, new int[] {0, 1, 2}, 5, 5, 3, ScopeRlCompatibility.NONE);
    assertThat(curve.sharpeRatioAt(1)).isNaN();
    assertThat(curve.stdAt(2)).isZero();
    assertThat(curve.sharpeRatioAt(2)).isNaN();
    // {6, 6, 3}: mean 5, squared deviations 1 + 1 + 4, std sqrt(2).
    assertThat(curve.sharpeRatioAt(3)).isEqualTo(1 / Math.sqrt(2));
  }

  @Test
  void documented_aPortfolioNoBetterThanTheBaselineScoresZero() {
    TopKCurve curve = TopKCurve.of(TRUTH, RANKING, 10, 10, 4, ScopeRlCompatibility.NONE);
    assertThat(curve.sharpeRatio()).containsExactly(Double.NaN, 0, 0, 0);
  }

  @Test
  void scopeRl_usesTheSampleStdAndAShiftedBaseline() {
    TopKCurve curve = TopKCurve.of(TRUTH, RANKING, BASELINE, BASELINE, 4, ScopeRlCompatibility.SCOPE_RL);
    assertThat(curve.stdAt(1)).isNaN(); // 0 / 0 with divisor k - 1
    assertThat(curve.stdAt(2)).isEqualTo(Math.sqrt(18.0));
    assertThat(curve.sharpeRatioAt(2)).isEqualTo((8 - (BASELINE + 1e-10)) / Math.sqrt(18.0));
  }

  @Test
  void scopeRl_zeroStdGivesInfinityAndTheClippedModeCapsIt() {
    double[] truth = {6, 6, 1};
    int[] ranking = {0, 1, 2};
    assertThat(TopKCurve.of(truth, ranking, 5, 5, 3, ScopeRlCompatibility.SCOPE_RL).sharpeRatioAt(2)).isInfinite();
    TopKCurve clipped = TopKCurve.of(truth, ranking, 5, 5, 3, ScopeRlCompatibility.SCOPE_RL_CLIPPED_SHARPE);
    assertThat(clipped.sharpeRatioAt(1)).isNaN(); // the clip starts at k = 2
    assertThat(clipped.sharpeRatioAt(2)).isEqualTo(100.0);
  }

  @Test
  void unknownBaselineAndThresholdGiveNaN() {
    TopKCurve curve = TopKCurve.of(TRUTH, RANKING, Double.NaN, Double.NaN, 2, ScopeRlCompatibility.NONE);
    assertThat(curve.sharpeRatio()).containsExactly(Double.NaN, Double.NaN);
    assertThat(curve.safetyViolationRate()).containsExactly(Double.NaN, Double.NaN);
    assertThat(curve.best()).containsExactly(2, 8);
  }

  @Test
  void maxKBelowTheNumberOfCandidatesStopsTheCurve() {
    TopKCurve curve = TopKCurve.of(TRUTH, RANKING, BASELINE, BASELINE, 2, ScopeRlCompatibility.NONE);
    assertThat(curve.maxK()).isEqualTo(2);
    assertThatThrownBy(() -> TopKCurve.of(TRUTH, RANKING, BASELINE, BASELINE, 5, ScopeRlCompatibility.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 5");
  }

  @Test
  void accessorsReturnCopies() {
    TopKCurve curve = TopKCurve.of(TRUTH, RANKING, BASELINE, BASELINE, 4, ScopeRlCompatibility.NONE);
    curve.best()[0] = 99;
    assertThat(curve.bestAt(1)).isEqualTo(2.0);
  }
}
