package io.ope4j.sequential.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.sequential.EpisodeReturns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two episodes on the grid {0, 1, 2, 3}, every number worked out by hand. */
class DistributionHandCasesTest {

  private static final double EXACT = 1e-15;
  private static final ReturnGrid GRID = ReturnGrid.of(new double[] {0, 1, 2, 3});
  private static final List<DistributionEstimator> ALL = List.of(DistributionEstimator.values());

  /** Returns 1 and 3, weights 0.5 and 1, V-hat(s_0) 2 for both. */
  private static EpisodeReturns twoEpisodes(double firstReturn, double secondReturn) {
    return new EpisodeReturns(List.of("pi"), new double[] {firstReturn, secondReturn},
        new double[] {firstReturn, secondReturn}, new double[][] {{0.5, 1.0}},
        new double[][] {{2.0, 2.0}});
  }

  private static DistributionResult documented(EpisodeReturns returns) {
    return DistributionEvaluator.evaluate(returns, DistributionConfig.of(ALL, 1.0)
        .withGrid(GRID, DistributionConfig.GridRule.GIVEN).withRisk(new double[] {0.5, 1.0}, 0.05));
  }

  @Test
  void documentedCdfs_byHand() {
    DistributionResult result = documented(twoEpisodes(1, 3));
    // DM: both V-hat at 2
    assertThat(result.get("pi", DistributionEstimator.CD_DM).cdf()).containsExactly(0, 0, 1, 1);
    // TIS: (1/2) sum W 1{G <= m}: 0.5/2 from m = 1, (0.5 + 1)/2 from m = 3
    assertThat(result.get("pi", DistributionEstimator.CD_TIS).cdf())
        .containsExactly(0, 0.25, 0.25, 0.75);
    // SNTIS: divided by sum W = 1.5
    assertThat(result.get("pi", DistributionEstimator.CD_SNTIS).cdf())
        .containsExactly(new double[] {0, 1.0 / 3, 1.0 / 3, 1}, within(EXACT));
    // TDR: residual (1/2) sum W (1{G<=m} - 1{V<=m}) = 0, 0.25, -0.5, 0 plus DM 0, 0, 1, 1
    assertThat(result.get("pi", DistributionEstimator.CD_TDR).cdf())
        .containsExactly(0, 0.25, 0.5, 1);
    // SNTDR: residual 0, 1/3, -2/3, 0 plus DM
    assertThat(result.get("pi", DistributionEstimator.CD_SNTDR).cdf())
        .containsExactly(new double[] {0, 1.0 / 3, 1.0 / 3, 1}, within(EXACT));
  }

  @Test
  void documentedRisk_byHand() {
    DistributionResult result = documented(twoEpisodes(1, 3));
    // SNTIS: mass 1/3 at 1, 2/3 at 3
    RiskSummary risk = result.get("pi", DistributionEstimator.CD_SNTIS).risk();
    assertThat(risk.mean()).isCloseTo(7.0 / 3, within(EXACT));
    assertThat(risk.variance()).isCloseTo(8.0 / 9, within(EXACT));
    // the worst half: 1/3 at 1 and 1/6 at 3
    assertThat(risk.cvarAt(0.5)).isCloseTo((1.0 / 3 + 3.0 / 6) / 0.5, within(EXACT));
    assertThat(risk.cvarAt(1.0)).isCloseTo(7.0 / 3, within(EXACT));
    assertThat(risk.lowerQuantile()).isEqualTo(1);
    assertThat(risk.median()).isEqualTo(3);
    assertThat(risk.upperQuantile()).isEqualTo(3);
    // TIS ends at 0.75: the missing quarter sits on the top point, mass 0.25 at 1 and 0.75 at 3
    assertThat(result.get("pi", DistributionEstimator.CD_TIS).risk().mean()).isEqualTo(2.5);
  }

  @Test
  void scopeRlMode_emptyLeadingBinTakesTheFirstSortedWeight() {
    EpisodeReturns returns = twoEpisodes(1.5, 2.5);
    DistributionResult result = DistributionEvaluator.evaluate(returns,
        DistributionConfig.of(ALL, 1.0).withGrid(GRID, DistributionConfig.GridRule.GIVEN)
            .withCompatibility(ScopeRlCompatibility.SCOPE_RL));
    // no return in [0, 1), yet F[1] = W_(0)/n = 0.25; the documented value is 0
    double[] scope = result.get("pi", DistributionEstimator.CD_TIS).cdf();
    assertThat(scope).containsExactly(0, 0.25, 0.25, 0.75);
    // SCOPE-RL's mean ignores F[0] and puts bin j's mass on m_{j+1}: 0.25 * 1 + 0.5 * 3
    assertThat(result.get("pi", DistributionEstimator.CD_TIS).risk().mean()).isEqualTo(1.75);
    assertThat(documented(returns).get("pi", DistributionEstimator.CD_TIS).cdf())
        .containsExactly(0, 0, 0.25, 0.75);
  }

  @Test
  void grid_refusesUnsortedOrShortOrNonFinite() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReturnGrid.of(new double[] {1, 1}))
        .hasMessageContaining("increase strictly");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReturnGrid.of(new double[] {1}))
        .hasMessageContaining("at least 2");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReturnGrid.parse("0,1"))
        .hasMessageContaining("LO,HI,N");
    assertThat(ReturnGrid.parse("0, 1, 5").points()).containsExactly(0, 0.25, 0.5, 0.75, 1);
  }
}
