package io.ope4j.models.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.environment.TabularMdp;
import io.ope4j.environment.TabularPolicies;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimate;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialResult;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mdr-avg with the differential Q of fqe-tabular against the exact reward per step. */
class AverageRewardDrTest {

  private static final TabularMdp MDP = TabularMdp.random(4, 2, 0, 5);
  private static final double[][] BEHAVIOUR = TabularPolicies.parse("uniform", MDP.meanRewards());
  private static final double[][] TARGET =
      TabularPolicies.parse("epsilon-greedy:0.2", MDP.meanRewards());
  private static final SequentialConfig CONFIG = SequentialConfig.of(List.of(
      SequentialEstimator.MIS_AVG, SequentialEstimator.MDR_AVG), 1.0);

  private static TransitionLog log(int episodes, long seed) throws IOException {
    return MdpLogs.transitions(MdpLogs.collect(MDP, BEHAVIOUR, TARGET, null, episodes, seed), true);
  }

  private static SequentialResult evaluate(TransitionLog log, CrossFitting folds,
      SequentialConfig config, int threads) throws IOException {
    return FittedTrajectories.evaluate(log, new TabularFqe(), folds, config, threads).result();
  }

  @Test
  void inSample_equalsMisAvgAndTheModelsRewardPerStep() throws IOException {
    TransitionLog log = log(2_000, 9);
    SequentialResult result = evaluate(log, CrossFitting.inSample(), CONFIG, 1);
    double misAvg = result.get("target", SequentialEstimator.MIS_AVG).value();
    // certainty equivalence: each visited pair's residuals r + h(s') - h(s, a) sum to its
    // visits times the model's rho, and mis-avg is that rho too
    assertThat(result.get("target", SequentialEstimator.MDR_AVG).value())
        .isCloseTo(misAvg, within(1e-10));
    boolean[] all = new boolean[log.episodes];
    java.util.Arrays.fill(all, true);
    TabularFqe.EmpiricalModel model = TabularFqe.EmpiricalModel.count(log, all);
    double[][] pi = TabularFqe.statePolicy(log, 0);
    double[][] h = TabularFqe.differentialQ(model, pi);
    double restart = 0;
    for (int s = 0; s < h.length; s++) {
      for (int a = 0; a < h[s].length; a++) {
        restart += model.initial[s] * pi[s][a] * h[s][a];
      }
    }
    assertThat(restart).as("the stated normalisation").isCloseTo(0.0, within(1e-12));
  }

  @Test
  void crossFitted_isConsistent() throws IOException {
    double truth = MDP.averageReward(TARGET);
    int[] sizes = {500, 8_000};
    int seeds = 8;
    double[] rmse = new double[sizes.length];
    SequentialEstimate last = null;
    for (int n = 0; n < sizes.length; n++) {
      for (int seed = 0; seed < seeds; seed++) {
        last = evaluate(log(sizes[n], 1000L * n + seed), CrossFitting.folds(2, seed), CONFIG, 1)
            .get("target", SequentialEstimator.MDR_AVG);
        rmse[n] += (last.value() - truth) * (last.value() - truth) / seeds;
      }
      rmse[n] = Math.sqrt(rmse[n]);
    }
    // 16 times the episodes: the RMSE falls about 4 times; allow 2.5 for 8 seeds' noise
    assertThat(rmse[1]).as("RMSE %s -> %s", rmse[0], rmse[1]).isLessThan(rmse[0] / 2.5);
    assertThat(Math.abs(last.value() - truth)).isLessThan(4 * last.stderr());
  }

  @Test
  void threadCountDoesNotChangeABit_andOtherModelsAndDiscountsAreRefused() throws IOException {
    TransitionLog log = log(3_000, 4);
    SequentialConfig bootstrap = CONFIG.withInterval(IntervalMethod.BOOTSTRAP, 50, 2);
    assertThat(evaluate(log, CrossFitting.folds(3, 1), bootstrap, 3).estimates())
        .isEqualTo(evaluate(log, CrossFitting.folds(3, 1), bootstrap, 1).estimates());
    assertThatThrownBy(() -> FittedTrajectories.evaluate(log, LinearFqe.of(0,
        LinearFqe.Solve.LSTDQ), CrossFitting.inSample(), CONFIG, 1))
        .hasMessageContaining("mdr-avg needs fqe-tabular");
    assertThatThrownBy(() -> SequentialConfig.of(List.of(SequentialEstimator.MDR_AVG), 0.9))
        .hasMessageContaining("needs gamma 1");
  }
}
