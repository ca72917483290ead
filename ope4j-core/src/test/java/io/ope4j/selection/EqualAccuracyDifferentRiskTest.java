package io.ope4j.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paper's point (Kiyohara et al. 2023, arXiv:2311.18207) on a case built for it: two estimators with
 * the same MSE, the same rank correlations and the same regret@1 can form portfolios of very
 * different risk. A overestimates the worst candidate, B underestimates the best one by the same
 * amount; A's top 2 then hold the best and the worst policy, B's the second and third best.
 */
class EqualAccuracyDifferentRiskTest {

  private static final KnownValues TRUTH =
      KnownValues.of(List.of("p1", "p2", "p3", "p4", "p5", "p6"), new double[] {1, 2, 3, 4, 5, 6}, 3);
  private static final double[] OVERESTIMATES_WORST = {5.5, 2, 3, 4, 5, 6};
  private static final double[] UNDERESTIMATES_BEST = {1, 2, 3, 4, 5, 1.5};

  @Test
  void accuracyMetricsAreEqual() {
    SelectionQuality a = quality(OVERESTIMATES_WORST);
    SelectionQuality b = quality(UNDERESTIMATES_BEST);
    assertThat(a.meanSquaredError()).isEqualTo(b.meanSquaredError()).isEqualTo(4.5 * 4.5 / 6);
    // Rank differences 4, -1, -1, -1, -1, 0 and 0, 1, 1, 1, 1, -4: sum of squares 20 for both.
    assertThat(a.rankCorrelation()).isEqualTo(b.rankCorrelation());
    assertThat(a.rankCorrelation()).isCloseTo(1 - 6 * 20 / 210.0, within(1e-15)); // computed as Pearson's r of ranks
    // Four discordant pairs each: (15 - 2 * 4) / 15.
    assertThat(a.kendallTau()).isEqualTo(b.kendallTau()).isEqualTo(7 / 15.0);
  }

  @Test
  void sharpeRatioSeesTheRisk() {
    TopKCurve a = quality(OVERESTIMATES_WORST).topK();
    TopKCurve b = quality(UNDERESTIMATES_BEST).topK();
    // A's top 2 are worth 6 and 1: return 6 - 3, std 2.5. B's are worth 5 and 4: return 2, std 0.5.
    assertThat(a.sharpeRatioAt(2)).isEqualTo(3 / 2.5);
    assertThat(b.sharpeRatioAt(2)).isEqualTo(2 / 0.5);
    for (int k = 2; k <= 5; k++) {
      assertThat(b.sharpeRatioAt(k)).as("SharpeRatio@%s", k).isGreaterThan(a.sharpeRatioAt(k));
    }
  }

  private static SelectionQuality quality(double[] estimates) {
    return SelectionQuality.of(TRUTH, estimates, TieBreak.FIRST_LISTED, ScopeRlCompatibility.NONE);
  }
}
