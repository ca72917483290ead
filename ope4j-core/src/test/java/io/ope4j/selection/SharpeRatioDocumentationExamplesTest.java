package io.ope4j.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two toy examples of SCOPE-RL's SharpeRatio@k documentation ({@code
 * docs/documentation/sharpe_ratio.rst}; values read off its figures, see
 * shared/oracles/scope_rl/README.md). The documentation's tables of conventional metrics come
 * out of the documented definitions; its SharpeRatio@k figures were drawn by SCOPE-RL's code
 * (sample std), so their numbers come out of the SCOPE-RL mode, and the documented mode must
 * reach the same conclusions.
 */
class SharpeRatioDocumentationExamplesTest {

  // Toy example 1: X underestimates the policies worth 9 and 10, Y overestimates those worth 3, 4.
  private static final double[] TOY1_TRUTH = {1, 3, 4, 5, 6, 7, 8, 9, 10, 12};
  private static final double[] TOY1_X = {1, 3, 4, 5, 6, 7, 8, 2, 2, 12};
  private static final double[] TOY1_Y = {1, 11, 11, 5, 6, 7, 8, 9, 10, 12};

  // Toy example 2: W conservative (never overestimates), Z a random permutation of the values.
  private static final double[] TOY2_TRUTH = new double[19];
  private static final double[] TOY2_W = new double[19];
  private static final double[] TOY2_Z = {5, 11, 14, 17, 15, 3, 10, 4, 1, 19, 12, 7, 2, 18, 13, 8, 9, 6, 16};

  static {
    for (int t = 1; t <= 19; t++) {
      TOY2_TRUTH[t - 1] = t;
      TOY2_W[t - 1] = t <= 10 ? t - 0.5 : 20 - t;
    }
  }

  @Test
  void toy1_conventionalMetricsCannotTellXFromY() {
    // Docs table: MSE 11.3 / 11.3, RankCorr 0.413 / 0.413, Regret@3 0.0 / 0.0.
    SelectionQuality x = documented(TOY1_TRUTH, TOY1_X, 8);
    SelectionQuality y = documented(TOY1_TRUTH, TOY1_Y, 8);
    assertThat(x.meanSquaredError()).isCloseTo(11.3, within(1e-12));
    assertThat(y.meanSquaredError()).isCloseTo(11.3, within(1e-12));
    assertThat(x.rankCorrelation()).isCloseTo(0.413, within(5e-4));
    assertThat(y.rankCorrelation()).isEqualTo(x.rankCorrelation());
    assertThat(x.regretAt(3)).isZero();
    assertThat(y.regretAt(3)).isZero();
  }

  @Test
  void toy1_sharpeRatioPrefersX_becauseYCarriesMoreRiskForTheSameReturn() {
    TopKCurve x = documented(TOY1_TRUTH, TOY1_X, 8).topK();
    TopKCurve y = documented(TOY1_TRUTH, TOY1_Y, 8).topK();
    for (int k = 2; k <= 10; k++) {
      assertThat(x.bestAt(k)).as("return at k=%s", k).isEqualTo(y.bestAt(k));
    }
    // Up to k = 7 Y's portfolio holds the overestimated policies worth 3 and 4, X's does not.
    for (int k = 2; k <= 7; k++) {
      assertThat(x.stdAt(k)).as("risk at k=%s", k).isLessThan(y.stdAt(k));
      assertThat(x.sharpeRatioAt(k)).as("SharpeRatio@%s", k).isGreaterThan(y.sharpeRatioAt(k));
    }
    // At k = 8 X adds the underestimated policy worth 10 to 3..8 and 12 and Y is ahead by a
    // hair (as in the documentation's figure); from k = 9 on both hold the same policies.
    assertThat(y.sharpeRatioAt(8) - x.sharpeRatioAt(8)).isBetween(0.0, 0.02);
    assertThat(x.sharpeRatioAt(9)).isEqualTo(y.sharpeRatioAt(9));
    assertThat(x.sharpeRatioAt(10)).isEqualTo(y.sharpeRatioAt(10));
  }

  @Test
  void toy1_scopeRlModeReproducesTheFigure() {
    double[] figureX = {1.4142, 1.5119, 1.5209, 1.4805, 1.4142, 1.3369, 1.3139, 1.3631, 1.1853};
    double[] figureY = {0.7071, 0.8109, 0.9039, 1.0226, 1.1421, 1.2472, 1.3242, 1.3631, 1.1853};
    TopKCurve x = scopeRl(TOY1_TRUTH, TOY1_X, 8);
    TopKCurve y = scopeRl(TOY1_TRUTH, TOY1_Y, 8);
    for (int k = 2; k <= 10; k++) {
      assertThat(x.sharpeRatioAt(k)).as("X k=%s", k).isCloseTo(figureX[k - 2], within(5e-5));
      assertThat(y.sharpeRatioAt(k)).as("Y k=%s", k).isCloseTo(figureY[k - 2], within(5e-5));
    }
  }

  @Test
  void toy2_conventionalMetricsCannotTellWFromZ() {
    // Docs table: MSE 60.1 / 58.6, RankCorr 0.079 / 0.023, Regret@1 9.0 / 9.0.
    SelectionQuality w = documented(TOY2_TRUTH, TOY2_W, 10);
    SelectionQuality z = documented(TOY2_TRUTH, TOY2_Z, 10);
    assertThat(w.meanSquaredError()).isCloseTo(60.1, within(0.05));
    assertThat(z.meanSquaredError()).isCloseTo(58.6, within(0.05));
    assertThat(w.rankCorrelation()).isCloseTo(0.079, within(5e-4));
    assertThat(z.rankCorrelation()).isCloseTo(0.023, within(5e-4));
    assertThat(w.regretAt(1)).isEqualTo(9.0);
    assertThat(z.regretAt(1)).isEqualTo(9.0);
  }

  @Test
  void toy2_withAPoorBehaviourPolicyTheConservativeWIsBetter() {
    TopKCurve w = documented(TOY2_TRUTH, TOY2_W, 5).topK();
    TopKCurve z = documented(TOY2_TRUTH, TOY2_Z, 5).topK();
    assertThat(w.sharpeRatioAt(2)).isEqualTo(12.0); // (11 - 5) / 0.5
    assertThat(z.sharpeRatioAt(2)).isEqualTo(4.5); // (14 - 5) / 2
    for (int k = 2; k <= 18; k++) {
      assertThat(w.sharpeRatioAt(k)).as("SharpeRatio@%s", k).isGreaterThan(z.sharpeRatioAt(k));
    }
  }

  @Test
  void toy2_withAModerateBehaviourPolicyNeitherIsClearlyBetter() {
    TopKCurve w = documented(TOY2_TRUTH, TOY2_W, 10).topK();
    TopKCurve z = documented(TOY2_TRUTH, TOY2_Z, 10).topK();
    double meanW = meanFromTwo(w);
    double meanZ = meanFromTwo(z);
    assertThat(Math.abs(meanW - meanZ) / meanZ).as("W %s vs Z %s", meanW, meanZ).isLessThan(0.05);
  }

  @Test
  void toy2_withAStrongBehaviourPolicyTheHighStakesZIsBetter() {
    TopKCurve w = documented(TOY2_TRUTH, TOY2_W, 15).topK();
    TopKCurve z = documented(TOY2_TRUTH, TOY2_Z, 15).topK();
    for (int k = 2; k <= 11; k++) {
      assertThat(w.sharpeRatioAt(k)).as("W at k=%s never beats 15", k).isZero();
    }
    assertThat(z.sharpeRatioAt(4)).isCloseTo(0.7280, within(5e-5)); // (19 - 15) / std(14, 11, 17, 19)
    for (int k = 4; k <= 17; k++) {
      assertThat(z.sharpeRatioAt(k)).as("SharpeRatio@%s", k).isGreaterThan(w.sharpeRatioAt(k));
    }
  }

  @Test
  void toy2_scopeRlModeReproducesTheFigure() {
    assertThat(scopeRl(TOY2_TRUTH, TOY2_W, 5).sharpeRatio()).startsWith(Double.NaN);
    assertThat(scopeRl(TOY2_TRUTH, TOY2_W, 5).sharpeRatioAt(2)).isCloseTo(8.4853, within(5e-5));
    assertThat(scopeRl(TOY2_TRUTH, TOY2_W, 5).sharpeRatioAt(3)).isCloseTo(6.0, within(5e-5));
    assertThat(scopeRl(TOY2_TRUTH, TOY2_W, 5).sharpeRatioAt(4)).isCloseTo(5.4222, within(5e-5));
    assertThat(scopeRl(TOY2_TRUTH, TOY2_Z, 5).sharpeRatioAt(2)).isCloseTo(3.1820, within(5e-5));
    assertThat(scopeRl(TOY2_TRUTH, TOY2_Z, 5).sharpeRatioAt(3)).isCloseTo(1.7881, within(5e-5));
    assertThat(scopeRl(TOY2_TRUTH, TOY2_W, 15).sharpeRatioAt(11)).isZero();
    assertThat(scopeRl(TOY2_TRUTH, TOY2_W, 15).sharpeRatioAt(12)).isCloseTo(0.2774, within(5e-5));
    assertThat(scopeRl(TOY2_TRUTH, TOY2_Z, 15).sharpeRatioAt(4)).isCloseTo(0.6305, within(5e-5));
  }

  @Test
  void toy2_behaviourPolicyAsTheTwentiethCandidate() {
    // The docs' plots add pi_b as a 20th candidate; with all 20 chosen, SharpeRatio@20 = (19 -
    // V(pi_b)) / std({1..19, V(pi_b)}) whatever the estimates: 2.504, 1.643, 0.716 (sample std).
    double[] expected = {2.504, 1.643, 0.716};
    double[] baselines = {5, 10, 15};
    for (int b = 0; b < baselines.length; b++) {
      double[] truth = java.util.Arrays.copyOf(TOY2_TRUTH, 20);
      double[] estimate = java.util.Arrays.copyOf(TOY2_Z, 20);
      truth[19] = baselines[b];
      estimate[19] = baselines[b];
      TopKCurve curve = SelectionQuality.of(known(truth, baselines[b]), estimate, TieBreak.FIRST_LISTED,
          ScopeRlCompatibility.SCOPE_RL).topK();
      assertThat(curve.sharpeRatioAt(20)).as("V(pi_b) = %s", baselines[b]).isCloseTo(expected[b], within(5e-4));
    }
  }

  private static double meanFromTwo(TopKCurve curve) {
    double sum = 0;
    for (int k = 2; k <= curve.maxK(); k++) {
      sum += curve.sharpeRatioAt(k);
    }
    return sum / (curve.maxK() - 1);
  }

  /** Documented definitions; ties as in the documentation's figures (later-listed first). */
  private static SelectionQuality documented(double[] truth, double[] estimate, double behaviourValue) {
    return SelectionQuality.of(known(truth, behaviourValue), estimate, TieBreak.LAST_LISTED, ScopeRlCompatibility.NONE);
  }

  private static TopKCurve scopeRl(double[] truth, double[] estimate, double behaviourValue) {
    return SelectionQuality.of(known(truth, behaviourValue), estimate, TieBreak.LAST_LISTED,
        ScopeRlCompatibility.SCOPE_RL).topK();
  }

  private static KnownValues known(double[] truth, double behaviourValue) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < truth.length; i++) {
      names.add("p" + i);
    }
    return KnownValues.of(names, truth, behaviourValue);
  }
}
