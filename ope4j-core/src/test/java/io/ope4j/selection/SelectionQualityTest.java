package io.ope4j.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionQualityTest {

  private static final KnownValues KNOWN = KnownValues.of(List.of("a", "b", "c"), new double[] {1, 2, 4}, 2);

  @Test
  void bundlesTheMetrics() {
    SelectionQuality quality = SelectionQuality.of(KNOWN, new double[] {3, 2, 4}, TieBreak.FIRST_LISTED,
        ScopeRlCompatibility.NONE);
    assertThat(quality.ranking()).containsExactly(2, 0, 1);
    assertThat(quality.meanSquaredError()).isEqualTo(4 / 3.0);
    assertThat(quality.regret()).containsExactly(0, 0, 0);
    assertThat(quality.typeIErrorRate()).isZero();
    assertThat(quality.typeIIErrorRate()).isEqualTo(1.0); // a (worth 1) is estimated at 3 >= 2
    assertThat(quality.topK().safetyViolationRate()).containsExactly(0, 0.5, 1 / 3.0);
  }

  @Test
  void rankingByScores_judgesTheDecisionByTheScoresAndTheAccuracyByTheEstimates() {
    // Point estimates put a (worth 1) second; lower bounds put the candidates in true order.
    double[] estimates = {3, 2, 4.5};
    double[] lowerBounds = {0, 1.5, 3};
    SelectionQuality quality = SelectionQuality.of(KNOWN, estimates, lowerBounds, 3, TieBreak.FIRST_LISTED,
        ScopeRlCompatibility.NONE);
    assertThat(quality.meanSquaredError()).isEqualTo((4 + 0 + 0.25) / 3);
    assertThat(quality.ranking()).containsExactly(2, 1, 0);
    assertThat(quality.rankCorrelation()).isEqualTo(1.0);
    assertThat(quality.typeIIErrorRate()).isZero(); // a's lower bound 0 is below the threshold 2
    assertThat(quality.topK().kth()).containsExactly(4, 2, 1);
  }

  @Test
  void infiniteScores_rankLast_butNaNScoresAreRejected() {
    double[] estimates = {3, 2, 4.5};
    SelectionQuality quality = SelectionQuality.of(KNOWN, estimates, new double[] {Double.NEGATIVE_INFINITY, 1, 2},
        3, TieBreak.FIRST_LISTED, ScopeRlCompatibility.NONE);
    assertThat(quality.ranking()).containsExactly(2, 1, 0);
    assertThatThrownBy(() -> SelectionQuality.of(KNOWN, estimates, new double[] {Double.NaN, 1, 2}, 3,
            TieBreak.FIRST_LISTED, ScopeRlCompatibility.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the score of candidate a is NaN; selection needs a non-NaN score of every candidate");
  }

  @Test
  void nanEstimate_isRejectedNamingTheCandidate() {
    assertThatThrownBy(() -> SelectionQuality.of(KNOWN, new double[] {1, Double.NaN, 3}, TieBreak.FIRST_LISTED,
            ScopeRlCompatibility.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the estimate of candidate b is NaN; selection needs a finite estimate of every candidate");
  }

  @Test
  void wrongNumberOfEstimates_isRejected() {
    assertThatThrownBy(() -> SelectionQuality.of(KNOWN, new double[] {1, 2}, TieBreak.FIRST_LISTED,
            ScopeRlCompatibility.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 estimates for 3 candidates [a, b, c]");
  }

  @Test
  void kLargerThanTheCandidates_isRejected() {
    assertThatThrownBy(() -> SelectionQuality.of(KNOWN, new double[] {1, 2, 3}, 4, TieBreak.FIRST_LISTED,
            ScopeRlCompatibility.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be between 1 and the number of candidates (3), got 4");
  }

  @Test
  void knownValues_rejectBadTruth() {
    assertThatThrownBy(() -> KnownValues.of(List.of("a"), new double[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("selection needs at least two candidate policies, got 1 [a]");
    assertThatThrownBy(() -> KnownValues.of(List.of("a", "a"), new double[] {1, 2}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidate a is listed twice");
    assertThatThrownBy(() -> KnownValues.of(List.of("a", "b"), new double[] {1, Double.NaN}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("true value of candidate b must be finite, got NaN");
  }

  @Test
  void scopeRlModeIgnoresTheTieRule() {
    double[] tied = {2, 2, 1};
    SelectionQuality first = SelectionQuality.of(KNOWN, tied, TieBreak.FIRST_LISTED, ScopeRlCompatibility.SCOPE_RL);
    SelectionQuality last = SelectionQuality.of(KNOWN, tied, TieBreak.LAST_LISTED, ScopeRlCompatibility.SCOPE_RL);
    assertThat(first).isEqualTo(last);
    assertThat(first.ranking()).containsExactly(1, 0, 2);
  }
}
