package io.ope4j.sequential.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.environment.EpisodeCollector;
import io.ope4j.environment.TabularMdp;
import io.ope4j.environment.TabularPolicies;
import io.ope4j.sequential.EpisodeReturns;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a seeded tabular MDP (3 states, 2 actions, at most 5 steps, noisy rewards), the documented
 * CD-TIS, CD-SNTIS and CD-TDR CDFs of logs of a uniform behaviour policy approach the true return
 * distribution of an epsilon-greedy (0.4) target: the Kolmogorov-Smirnov distance on the grid shrinks
 * from 1,000 to 100,000 episodes (mean over 3 seeded logs) and stays within its tolerance on each. The truth is the empirical CDF
 * of 400,000 on-policy episodes, within {@code eps_ref = sqrt(ln(2/delta) / (2 N))} of the true
 * CDF everywhere with probability 1 - delta (DKW with Massart's constant), delta = 1e-6. Each
 * estimate at a point is a mean of n terms with variance at most E[W^2] (W also times an
 * indicator difference bounded by 1 for CD-TDR, with V-hat a wrong constant model), so the
 * tolerance is {@code eps_ref + 5 sqrt(E[W^2] / n)}.
 */
class TabularConvergenceTest {

  private static final double GAMMA = 0.95;
  private static final int REFERENCE_EPISODES = 400_000;
  private static final double WRONG_MODEL_VALUE = 2.0;
  private static final int SEEDS = 3;

  @Test
  void isAndDrCdfs_convergeToTheTrueReturnDistribution() throws IOException {
    TabularMdp mdp = TabularMdp.random(3, 2, 5, 11);
    double[][] target = TabularPolicies.parse("epsilon-greedy:0.4", mdp.meanRewards());
    double[][] behaviour = TabularPolicies.parse("uniform", mdp.meanRewards());
    double[] reference = onPolicyReturns(mdp, target);
    Arrays.sort(reference);
    ReturnGrid grid = ReturnGrid.linspace(reference[0], reference[reference.length - 1], 61);
    double[] truth = new double[grid.size()];
    for (int j = 0; j < truth.length; j++) {
      truth[j] = upperCount(reference, grid.point(j)) / (double) reference.length;
    }
    double referenceError = Math.sqrt(Math.log(2 / 1e-6) / (2.0 * REFERENCE_EPISODES));
    List<DistributionEstimator> estimators = List.of(DistributionEstimator.CD_TIS,
        DistributionEstimator.CD_SNTIS, DistributionEstimator.CD_TDR);
    DistributionConfig config = DistributionConfig.of(estimators, GAMMA)
        .withGrid(grid, DistributionConfig.GridRule.GIVEN).withBand(0.95, 0, 0);
    double[][] distance = new double[3][estimators.size()];
    int[] sizes = {1_000, 10_000, 100_000};
    for (int s = 0; s < sizes.length; s++) {
      for (int seed = 0; seed < SEEDS; seed++) {
        EpisodeReturns log = logged(mdp, behaviour, target, sizes[s], 100 + 10 * s + seed);
        double secondMoment = 0;
        for (double w : log.weight()[0]) {
          secondMoment += w * w / sizes[s];
        }
        double tolerance = referenceError + 5 * Math.sqrt(secondMoment / sizes[s]);
        DistributionResult result = DistributionEvaluator.evaluate(log, config);
        for (int e = 0; e < estimators.size(); e++) {
          double[] cdf = result.get("target", estimators.get(e)).cdf();
          double ks = 0;
          for (int j = 0; j < cdf.length; j++) {
            ks = Math.max(ks, Math.abs(cdf[j] - truth[j]));
          }
          assertThat(ks).as("n %d seed %d %s", sizes[s], seed, estimators.get(e).id())
              .isLessThan(tolerance);
          distance[s][e] += ks / SEEDS;
        }
      }
    }
    // from 1,000 to 100,000 episodes the standard error falls tenfold; the mean distance over the
    // seeds must at least halve
    for (int e = 0; e < estimators.size(); e++) {
      assertThat(distance[2][e]).as(estimators.get(e).id()).isLessThan(distance[0][e] / 2);
    }
  }

  private static double[] onPolicyReturns(TabularMdp mdp, double[][] target) throws IOException {
    double[] returns = new double[REFERENCE_EPISODES];
    double[] discount = {1.0};
    EpisodeCollector.collect(mdp, target, REFERENCE_EPISODES, 1, (episode, step, state, action,
        reward, pscore, done) -> {
      discount[0] = step == 0 ? 1.0 : discount[0] * GAMMA;
      returns[(int) episode] += discount[0] * reward;
    });
    return returns;
  }

  /** Episodes of {@code behaviour}, weighted for {@code target}. */
  private static EpisodeReturns logged(TabularMdp mdp, double[][] behaviour, double[][] target,
      int episodes, long seed) throws IOException {
    double[] returns = new double[episodes];
    double[] weights = new double[episodes];
    double[] discount = {1.0};
    Arrays.fill(weights, 1.0);
    EpisodeCollector.collect(mdp, behaviour, episodes, seed, (episode, step, state, action,
        reward, pscore, done) -> {
      int i = (int) episode;
      discount[0] = step == 0 ? 1.0 : discount[0] * GAMMA;
      returns[i] += discount[0] * reward;
      weights[i] *= target[state][action] / pscore;
    });
    double[] model = new double[episodes];
    Arrays.fill(model, WRONG_MODEL_VALUE);
    return new EpisodeReturns(List.of("target"), returns, returns, new double[][] {weights},
        new double[][] {model});
  }

  /** The number of sorted values {@code <= x}. */
  private static int upperCount(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
