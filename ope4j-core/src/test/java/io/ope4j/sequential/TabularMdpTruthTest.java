package io.ope4j.sequential;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact-truth checks on {@link TabularMdp} (variable-length episodes, a biased model, exact
 * marginal ratios): over seeded replications TIS, PDIS, DR, MIS and MDR centre on the value from the linear solve within 4
 * standard errors, the SN variants within a small bias, and 95% t and bootstrap intervals cover
 * in 93-97% of the replications.
 */
class TabularMdpTruthTest {

  private static final int REPLICATIONS = 600;
  private static final int EPISODES = 1000;
  private static final List<SequentialEstimator> ESTIMATORS = List.of(SequentialEstimator.TIS,
      SequentialEstimator.PDIS, SequentialEstimator.DR, SequentialEstimator.SNPDIS,
      SequentialEstimator.SNDR, SequentialEstimator.MIS, SequentialEstimator.MDR);

  @Test
  void unbiasedAndCovering() throws IOException {
    TabularMdp mdp = new TabularMdp(0.9);
    double truth = mdp.truth();
    int k = ESTIMATORS.size();
    double[] sum = new double[k];
    double[] sumSquares = new double[k];
    int[] coveredT = new int[k];
    int[] coveredBootstrap = new int[k];
    SequentialConfig t = SequentialConfig.of(ESTIMATORS, 0.9);
    SequentialConfig bootstrap = t.withInterval(IntervalMethod.BOOTSTRAP, 200, 7);
    for (int r = 0; r < REPLICATIONS; r++) {
      EpisodeSource.Opener source = TabularMdp.source(mdp.collect(EPISODES, 1000 + r, 0));
      SequentialResult byT = SequentialEvaluator.evaluate(source, t);
      SequentialResult byBootstrap = SequentialEvaluator.evaluate(source, bootstrap);
      for (int e = 0; e < k; e++) {
        SequentialEstimate estimate = byT.estimates().get(e);
        sum[e] += estimate.value();
        sumSquares[e] += estimate.value() * estimate.value();
        coveredT[e] += covers(estimate, truth);
        coveredBootstrap[e] += covers(byBootstrap.estimates().get(e), truth);
      }
    }
    for (int e = 0; e < k; e++) {
      SequentialEstimator estimator = ESTIMATORS.get(e);
      double mean = sum[e] / REPLICATIONS;
      double sd = Math.sqrt((sumSquares[e] - sum[e] * mean) / (REPLICATIONS - 1));
      double stderr = sd / Math.sqrt(REPLICATIONS);
      String label = estimator.id() + " mean " + mean + " truth " + truth + " se " + stderr;
      if (estimator.selfNormalized()) {
        // consistent, with an O(1/n) bias: within 4 standard errors plus 1% of the value
        assertThat(Math.abs(mean - truth)).as(label).isLessThan(4 * stderr + 0.01 * truth);
      } else {
        assertThat(Math.abs(mean - truth)).as(label).isLessThan(4 * stderr);
      }
      if (!estimator.selfNormalized()) {
        assertThat(coveredT[e] / (double) REPLICATIONS).as("t coverage of " + label)
            .isBetween(0.93, 0.97);
        assertThat(coveredBootstrap[e] / (double) REPLICATIONS)
            .as("bootstrap coverage of " + label).isBetween(0.93, 0.97);
      }
    }
  }

  private static int covers(SequentialEstimate estimate, double truth) {
    return estimate.interval().lower() <= truth && truth <= estimate.interval().upper() ? 1 : 0;
  }
}
