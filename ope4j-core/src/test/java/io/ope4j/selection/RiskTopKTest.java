package io.ope4j.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Selection by risk: the criteria's syntax, the true risk functions and the top-k curve, by hand. */
class RiskTopKTest {

  private static final double[] RETURNS = {5, 1, 4, 2, 3};

  @Test
  void trueCvar_scopeRlTakesWholeReturnsOnly_documentedSplitsTheLastOne() {
    // N alpha = 2.5: SCOPE-RL the mean of {1, 2}; documented (1 + 2 + 0.5 * 3) / 2.5
    assertThat(RiskTopK.trueCvar(RETURNS, 0.5, ScopeRlCompatibility.SCOPE_RL)).isEqualTo(1.5);
    assertThat(RiskTopK.trueCvar(RETURNS, 0.5, ScopeRlCompatibility.NONE))
        .isCloseTo(4.5 / 2.5, within(1e-15));
    assertThat(RiskTopK.trueCvar(RETURNS, 1.0, ScopeRlCompatibility.NONE)).isEqualTo(3);
    // N alpha = 0.5: no whole return in SCOPE-RL's tail
    assertThat(RiskTopK.trueCvar(RETURNS, 0.1, ScopeRlCompatibility.SCOPE_RL)).isNaN();
    assertThat(RiskTopK.trueCvar(RETURNS, 0.1, ScopeRlCompatibility.NONE)).isEqualTo(1);
  }

  @Test
  void trueLowerQuantile_interpolatesAsNumpy() {
    // sorted 1..5, h = 4 * 0.1 = 0.4
    assertThat(RiskTopK.trueLowerQuantile(RETURNS, 0.1)).isCloseTo(1.4, within(1e-15));
  }

  @Test
  void curve_ranksByEstimatedRiskAndJudgesByTrueRisk() {
    double[] trueRisk = {1, 3, 2};
    double[] estimated = {0.5, 2.5, 2.9};
    TopKCurve curve = RiskTopK.curve(trueRisk, estimated, 1.5, 3, TieBreak.FIRST_LISTED,
        ScopeRlCompatibility.NONE);
    // ranked 2, 1, 0: true risks 2, 3, 1
    assertThat(curve.kth()).containsExactly(2, 3, 1);
    assertThat(curve.bestAt(2)).isEqualTo(3);
    // SharpeRatio@2 = (3 - 1.5) / std(2, 3) with divisor k: 1.5 / 0.5
    assertThat(curve.sharpeRatioAt(2)).isCloseTo(3.0, within(1e-12));
    assertThat(curve.safetyViolationRate()[2]).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void criterion_parsesEveryFormAndRefusesBadLevels() {
    assertThat(TrajectoryCriterion.parse("cvar:0.1")).isEqualTo(
        new TrajectoryCriterion(TrajectoryCriterion.Kind.CVAR, 0.1));
    assertThat(TrajectoryCriterion.parse("Lower-Quantile:0.25").usesDistribution()).isTrue();
    assertThat(TrajectoryCriterion.parse("lower-bound").kind())
        .isEqualTo(TrajectoryCriterion.Kind.LOWER_BOUND);
    assertThatThrownBy(() -> TrajectoryCriterion.parse("cvar")).hasMessageContaining("(0, 1.0]");
    assertThatThrownBy(() -> TrajectoryCriterion.parse("lower-quantile:0.7"))
        .hasMessageContaining("(0, 0.5]");
    assertThatThrownBy(() -> TrajectoryCriterion.parse("estimate:1")).hasMessageContaining("no level");
    assertThatThrownBy(() -> TrajectoryCriterion.parse("median")).hasMessageContaining("known");
  }
}
