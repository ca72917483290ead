package io.ope4j.sequential.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.sequential.EpisodeReturns;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Seeded random logs: every documented CDF and band is monotone and within [0, 1]. */
class DistributionPropertiesTest {

  @RepeatedTest(20)
  void documentedCdfs_areMonotoneWithinUnitInterval(RepetitionInfo repetition) {
    long seed = 1000 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 + random.nextInt(60);
    double[] returns = new double[n];
    double[] weights = new double[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      returns[i] = random.nextGaussian() * 3;
      // heavy weights, some zero: raw IS sums overshoot 1 and the DR residual goes negative
      weights[i] = random.nextInt(4) == 0 ? 0 : Math.exp(2 * random.nextGaussian());
      values[i] = random.nextGaussian() * 3;
    }
    EpisodeReturns log = new EpisodeReturns(List.of("pi"), returns, returns,
        new double[][] {weights}, new double[][] {values});
    DistributionConfig config = DistributionConfig.of(List.of(DistributionEstimator.values()), 1)
        .withBand(0.9, 50, seed);
    if (random.nextBoolean()) {
      config = config.withGrid(ReturnGrid.linspace(-2, 2, 9), DistributionConfig.GridRule.GIVEN);
    }
    for (ReturnDistribution d : DistributionEvaluator.evaluate(log, config).distributions()) {
      String label = "seed " + seed + " " + d.estimator().id();
      if (Double.isNaN(d.cdf()[0])) {
        assertThat(d.estimator().selfNormalized()).as(label).isTrue();
        continue;
      }
      assertUnitMonotone(d.cdf(), label);
      assertUnitMonotone(d.bandLower(), label + " lower band");
      assertUnitMonotone(d.bandUpper(), label + " upper band");
      for (int j = 0; j < d.cdf().length; j++) {
        assertThat(d.bandLower()[j]).as(label).isLessThanOrEqualTo(d.cdf()[j]);
        assertThat(d.bandUpper()[j]).as(label).isGreaterThanOrEqualTo(d.cdf()[j]);
      }
      RiskSummary risk = d.risk();
      assertThat(risk.cvar()[0]).as(label).isLessThanOrEqualTo(risk.mean() + 1e-12);
      assertThat(risk.lowerQuantile()).as(label).isLessThanOrEqualTo(risk.median());
      assertThat(risk.median()).as(label).isLessThanOrEqualTo(risk.upperQuantile());
    }
    // SCOPE-RL repairs its DR CDFs too (its DM CDF is a running sum that may end at 1 + 2e-16)
    DistributionResult scope = DistributionEvaluator.evaluate(log,
        config.withCompatibility(ScopeRlCompatibility.SCOPE_RL));
    for (ReturnDistribution d : scope.distributions()) {
      if ((d.estimator() == DistributionEstimator.CD_TDR || d.estimator() == DistributionEstimator.CD_SNTDR)
          && !Double.isNaN(d.cdf()[0])) {
        assertUnitMonotone(d.cdf(), "seed " + seed + " scope-rl " + d.estimator().id());
      }
    }
  }

  private static void assertUnitMonotone(double[] cdf, String label) {
    for (int j = 0; j < cdf.length; j++) {
      assertThat(cdf[j]).as(label).isBetween(0.0, 1.0);
      if (j > 0) {
        assertThat(cdf[j]).as(label).isGreaterThanOrEqualTo(cdf[j - 1]);
      }
    }
  }
}
