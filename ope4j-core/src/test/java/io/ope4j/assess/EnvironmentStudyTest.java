package io.ope4j.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.sequential.SequentialEstimator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The environment study on the small tabular variant: sensible scores, and the same on a rerun. */
class EnvironmentStudyTest {

  private static final List<SequentialEstimator> ESTIMATORS =
      List.of(SequentialEstimator.PDIS, SequentialEstimator.SNPDIS);

  private static List<EnvironmentStudy.EnvironmentResult> run() {
    return EnvironmentStudy.run(TabularVariant.parse("small"), ESTIMATORS, 2000, 4, 0.9, 7, () -> {});
  }

  @Test
  void consistentEstimators_rankWellAndEstimateClose() {
    EnvironmentStudy.EnvironmentResult result = run().get(0);
    assertThat(result.candidates()).hasSize(10);
    assertThat(result.trueValues()).hasSize(10);
    for (EnvironmentStudy.EstimatorScore score : result.scores()) {
      String label = score.estimator();
      // 2,000 episodes of at most 5 steps under a softmax behaviour: PDIS errs by a few percent
      // of the candidates' spread, so the ranking is nearly right
      assertThat(score.nmse()).as(label).isLessThan(0.05);
      assertThat(score.rankCorrelation()).as(label).isGreaterThan(0.8);
      assertThat(score.nRegret()).as(label).isBetween(0.0, 0.5);
      assertThat(score.sharpeRatio()).hasSize(10);
      assertThat(score.sharpeRatio()[0]).as("SharpeRatio@1 is undefined (std@1 = 0)").isNaN();
      assertThat(score.sharpeRatio()[9]).as(label).isFinite();
      assertThat(score.undefinedEstimates()).isZero();
    }
  }

  @Test
  void sameSeed_sameNumbers() {
    EnvironmentStudy.EstimatorScore first = run().get(0).scores().get(1);
    EnvironmentStudy.EstimatorScore second = run().get(0).scores().get(1);
    assertThat(second.nmse()).isEqualTo(first.nmse());
    assertThat(second.sharpeRatio()).containsExactly(first.sharpeRatio());
  }

  @Test
  void selectionByCvar_ranksByTheLowerTail() {
    EnvironmentStudy.EnvironmentResult result = EnvironmentStudy.run(TabularVariant.parse("small"),
        ESTIMATORS, List.of(io.ope4j.sequential.distribution.DistributionEstimator.CD_SNTIS), 0.1, 2000,
        3, 0.9, 7, () -> {}).get(0);
    for (int c = 0; c < 10; c++) {
      // the mean of the worst 10% of returns is below the mean of all
      assertThat(result.trueCvar()[c]).isLessThan(result.trueValues()[c]);
    }
    assertThat(result.behaviourCvar()).isLessThan(result.behaviourValue());
    EnvironmentStudy.RiskScore score = result.riskScores().get(0);
    assertThat(score.estimator()).isEqualTo("cd-sntis");
    assertThat(score.rankCorrelation()).isGreaterThan(0.5);
    assertThat(score.sharpeRatio()).hasSize(10);
    assertThat(score.sharpeRatio()[9]).isFinite();
  }

  @Test
  void unknownVariant_isAUsageError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TabularVariant.parse("huge"))
        .hasMessageContaining("known: all, small");
  }
}
