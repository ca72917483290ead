package io.ope4j.slate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statistical checks against the simulator's exact truth, on fixed seeds: each estimator's mean
 * over seeded replications lies within 4 standard errors of the truth under the click model that
 * makes it unbiased (SIPS, RIPS and Cascade-DR under both; IIPS and the pseudo-inverse under the
 * independent model), IIPS is detectably biased under the cascade model, and 95% t intervals
 * cover the truth 93-97% of the time.
 */
class SlateUnbiasednessTest {

  private static final int REPLICATIONS = 1200;
  private static final int SLATES = 1000;

  /** Per estimator, the estimates over the replications and how often the intervals covered. */
  private record Study(double[][] estimates, int[] covered, double truth) {

    double mean(int e) {
      double sum = 0;
      for (double v : estimates[e]) {
        sum += v;
      }
      return sum / estimates[e].length;
    }

    double standardError(int e) {
      double mean = mean(e);
      double squares = 0;
      for (double v : estimates[e]) {
        squares += (v - mean) * (v - mean);
      }
      return Math.sqrt(squares / (estimates[e].length - 1) / estimates[e].length);
    }
  }

  private static Study study(ClickModel model, List<SlateEstimator> estimators) throws IOException {
    SlateSimulator simulator = new SlateSimulator(
        new SlateSimulator.Config(5, 3, 20, model, 1.0, 0.5, 0.05, 7));
    double truth = simulator.truth();
    SlateConfig config = SlateConfig.of(estimators).withInterval(IntervalMethod.T, 2, 0);
    double[][] estimates = new double[estimators.size()][REPLICATIONS];
    int[] covered = new int[estimators.size()];
    for (int r = 0; r < REPLICATIONS; r++) {
      SlateSimulator replication = simulator.withSampleSeed(1000 + r);
      SlateResult result = SlateEvaluator.evaluate(replication.source(SLATES), config, 1);
      for (int e = 0; e < estimators.size(); e++) {
        SlateEstimate estimate = result.estimates().get(e);
        estimates[e][r] = estimate.value();
        covered[e] += estimate.interval().covers(truth) ? 1 : 0;
      }
    }
    return new Study(estimates, covered, truth);
  }

  private static void assertUnbiased(Study study, int e, String what) {
    double gap = Math.abs(study.mean(e) - study.truth());
    assertThat(gap).as("%s: mean %s, truth %s, standard error %s", what, study.mean(e),
        study.truth(), study.standardError(e)).isLessThan(4 * study.standardError(e));
  }

  private static void assertCoverage(Study study, int e, String what) {
    double coverage = (double) study.covered()[e] / REPLICATIONS;
    // 1200 replications: the standard error of a 95% coverage is 0.0063, so 93-97% is about
    // +-3 standard errors.
    assertThat(coverage).as(what + " coverage").isBetween(0.93, 0.97);
  }

  @Test
  void independentClicks_sipsIipsRipsPseudoInverseAndCascadeDrAreUnbiasedAndCover()
      throws IOException {
    List<SlateEstimator> estimators = List.of(SlateEstimator.SIPS, SlateEstimator.IIPS,
        SlateEstimator.RIPS, SlateEstimator.PI_SLATE, SlateEstimator.CASCADE_DR);
    Study study = study(ClickModel.INDEPENDENT, estimators);
    for (int e = 0; e < estimators.size(); e++) {
      assertUnbiased(study, e, "independent " + estimators.get(e));
      assertCoverage(study, e, "independent " + estimators.get(e));
    }
  }

  @Test
  void cascadeClicks_sipsRipsAndCascadeDrAreUnbiasedAndCover_iipsIsNot() throws IOException {
    List<SlateEstimator> estimators = List.of(SlateEstimator.SIPS, SlateEstimator.RIPS,
        SlateEstimator.CASCADE_DR, SlateEstimator.IIPS);
    Study study = study(ClickModel.CASCADE, estimators);
    for (int e = 0; e < 3; e++) {
      assertUnbiased(study, e, "cascade " + estimators.get(e));
      assertCoverage(study, e, "cascade " + estimators.get(e));
    }
    // IIPS ignores that a click above ends the scan: its mean is many standard errors off.
    assertThat(Math.abs(study.mean(3) - study.truth()))
        .isGreaterThan(10 * study.standardError(3));
  }
}
