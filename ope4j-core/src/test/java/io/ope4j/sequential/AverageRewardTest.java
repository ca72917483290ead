package io.ope4j.sequential;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.environment.Occupancy;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mis-avg: the average reward per step with exact undiscounted ratios on {@link TabularMdp}. */
class AverageRewardTest {

  /** sum_s m(s) sum_a pi(a|s) r(s, a) / sum_s m(s), m the expected visits per episode. */
  private static double exactAverageReward() {
    double[] visits = Occupancy.states(TabularMdp.NEXT, TabularMdp.CONTINUE, TabularMdp.INITIAL,
        TabularMdp.TARGET, 1.0);
    double reward = 0;
    double steps = 0;
    for (int s = 0; s < visits.length; s++) {
      steps += visits[s];
      for (int a = 0; a < TabularMdp.ACTIONS; a++) {
        reward += visits[s] * TabularMdp.TARGET[s][a] * TabularMdp.REWARD[s][a];
      }
    }
    return reward / steps;
  }

  @Test
  void misAvg_isConsistent_andItsIntervalCovers() throws IOException {
    TabularMdp mdp = new TabularMdp(1.0);
    double truth = exactAverageReward();
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.MIS_AVG), 1.0);
    int covered = 0;
    int replications = 200;
    double sumError = 0;
    for (int r = 0; r < replications; r++) {
      SequentialEstimate estimate = SequentialEvaluator.evaluate(
          TabularMdp.source(mdp.collect(2000, 500 + r, 0)), config).estimates().get(0);
      sumError += estimate.value() - truth;
      covered += estimate.interval().lower() <= truth && truth <= estimate.interval().upper() ? 1 : 0;
    }
    // a ratio estimator: O(1/n) bias, far below its standard error of about 1e-2 at n = 2000
    assertThat(Math.abs(sumError / replications)).isLessThan(0.005);
    assertThat(covered / (double) replications).isBetween(0.9, 0.99);
  }

  @Test
  void misAvg_sameBitsOnAnyThreadCount_andRefusesADiscount() throws IOException {
    TabularMdp mdp = new TabularMdp(1.0);
    EpisodeSource.Opener source = TabularMdp.source(mdp.collect(3000, 4, 0));
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.MIS,
        SequentialEstimator.MIS_AVG), 1.0).withInterval(IntervalMethod.BOOTSTRAP, 50, 2);
    SequentialResult one = SequentialEvaluator.evaluate(source, config, 1);
    SequentialResult three = SequentialEvaluator.evaluate(source, config, 3);
    assertThat(three.estimates()).isEqualTo(one.estimates());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SequentialConfig.of(
        List.of(SequentialEstimator.MIS_AVG), 0.9)).hasMessageContaining("needs gamma 1");
  }
}
