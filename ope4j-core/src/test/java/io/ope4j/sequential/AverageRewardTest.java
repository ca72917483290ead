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

  @Test
  void mdrAvg_handComputed() throws IOException {
    // episode 0: r (1, 0), u (2, 1), h(s, a) (0.5, -0.5), h(s) (0.25, -1); episode 1: r 3, u 0.5,
    // h(s, a) 1, h(s) 0.3. Numerators: 2 (1 - 1 - 0.5) + 1 (0 + 0 + 0.5) = -0.5 (h = 0 after the
    // last step) and 0.5 (3 + 0 - 1) = 1; masses 3 and 0.5: mdr-avg (-0.5 + 1) / 3.5 = 1/7,
    // mis-avg (2 + 0 + 1.5) / 3.5 = 1
    double[][][] steps = {{{1, 2, 0.5, 0.25}, {0, 1, -0.5, -1}}, {{3, 0.5, 1, 0.3}}};
    List<EpisodeSteps> episodes = new java.util.ArrayList<>();
    for (int e = 0; e < steps.length; e++) {
      EpisodeSteps episode = new EpisodeSteps(1);
      episode.start(e);
      for (double[] step : steps[e]) {
        int t = episode.append();
        episode.set(t, step[0], 0.5, Double.NaN);
        episode.setPolicy(0, t, 0.5, Double.NaN);
        episode.setMarginalRatio(0, t, step[1]);
        episode.setDifferential(0, t, step[2], step[3]);
      }
      episodes.add(episode);
    }
    SequentialResult result = SequentialEvaluator.evaluate(EpisodeList.of(episodes,
        List.of("target"), true, true), SequentialConfig.of(List.of(SequentialEstimator.MDR_AVG,
        SequentialEstimator.MIS_AVG), 1.0));
    assertThat(result.get("target", SequentialEstimator.MDR_AVG).value())
        .isCloseTo(1.0 / 7, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(result.get("target", SequentialEstimator.MIS_AVG).value())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-15));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SequentialConfig.of(
        List.of(SequentialEstimator.MDR_AVG), 0.99)).hasMessageContaining("mdr-avg")
        .hasMessageContaining("needs gamma 1");
  }
}
