package io.ope4j.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.UsageException;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The high-confidence lower bound of Thomas, Theocharous &amp; Ghavamzadeh (2015, Theorem 1): its
 * formula on hand-computed values, the whole path on a log whose shifted values are all equal
 * (so the chosen threshold and the bound are known in closed form), the split and merge
 * independent of threads, and coverage of the exact value of a tabular MDP.
 */
class HighConfidenceBoundTest {

  private static final double LOG40 = Math.log(2 / 0.05);

  @Test
  void theorem1_handComputed() {
    // Z = {0.5, 1, 0}: mean 0.5, sample variance ((0)^2 + 0.5^2 + 0.5^2) / 2 = 0.25, n = 3
    double expected = 0.5 - 7 * LOG40 / (3.0 * 2) - Math.sqrt(2 * LOG40 * 0.25 / 3);
    assertThat(HighConfidenceBound.theorem1(1.5, 1.25, 3, 3, LOG40)).isEqualTo(expected);
    // predicted for a bound split of 100 episodes: the constants take n = 100, the moments m = 3
    double predicted = 0.5 - 7 * LOG40 / (3.0 * 99) - Math.sqrt(2 * LOG40 * 0.25 / 100);
    assertThat(HighConfidenceBound.theorem1(1.5, 1.25, 3, 100, LOG40)).isEqualTo(predicted);
  }

  /**
   * One-step episodes with w = 1 and reward 1, rewards stated in [-1, 1], horizon cap 1 (D = 1):
   * every shifted value is X = 1 - (-1) * 1 = 2 = 2^1, a candidate threshold. With no spread,
   * the predicted bound {@code min(2, c) - 7 c ln 40 / (3 (n - 1))} is highest at c = 2, and the
   * bound on E[X] is {@code 2 - 14 ln 40 / (3 (n - 1))}, n the bound split's size; V's lower end
   * is that minus 1, its upper end 1 * D = 1.
   */
  @Test
  void constantValues_exactBound() throws IOException {
    int episodes = 400;
    long seed = 3;
    long bound = 0;
    for (long id = 0; id < episodes; id++) {
      bound += HighConfidenceBound.selects(seed, id) ? 0 : 1;
    }
    assertThat(bound).isBetween(350L, 395L);
    SequentialConfig config =
        hcope(List.of(SequentialEstimator.TIS, SequentialEstimator.PDIS), 1.0, 1, seed, -1, 1);
    SequentialResult result = SequentialEvaluator.evaluate(constant(episodes), config);
    double expected = 2 - 14 * LOG40 / (3.0 * (bound - 1)) - 1;
    for (SequentialEstimate estimate : result.estimates()) {
      assertThat(estimate.interval().lower()).as(estimate.estimator().id()).isEqualTo(expected);
      assertThat(estimate.interval().upper()).isEqualTo(1.0);
      assertThat(estimate.interval().method()).isEqualTo(IntervalMethod.HCOPE);
      assertThat(estimate.highConfidence().threshold()).isEqualTo(2.0);
      assertThat(estimate.highConfidence().boundEpisodes()).isEqualTo(bound);
      assertThat(estimate.highConfidence().selectionEpisodes()).isEqualTo(episodes - bound);
      assertThat(estimate.value()).isEqualTo(1.0);
    }
  }

  @Test
  void sameBitsOnAnyThreadCount() throws IOException {
    TabularMdp mdp = new TabularMdp(0.9);
    EpisodeSource.Opener source = TabularMdp.source(mdp.collect(3000, 11, 0));
    SequentialConfig config = hcope(List.of(SequentialEstimator.TIS, SequentialEstimator.PDIS), 0.9, 0, 5, -0.5, 2.0);
    SequentialResult one = SequentialEvaluator.evaluate(source, config, 1);
    SequentialResult three = SequentialEvaluator.evaluate(source, config, 3);
    SequentialResult plain = SequentialEvaluator.evaluate(source, config);
    for (int e = 0; e < 2; e++) {
      assertThat(three.estimates().get(e).interval().lower())
          .isEqualTo(one.estimates().get(e).interval().lower());
      // one fold without chunks sums in another order: equal to rounding
      assertThat(plain.estimates().get(e).interval().lower())
          .isCloseTo(one.estimates().get(e).interval().lower(), org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  /**
   * Over 200 seeded replications of 2,000 episodes the 95% lower bounds of TIS and PDIS lie below
   * the exact value in at least 95% of them (the bound is conservative, so the observed share is
   * far above; the fail threshold is 95% minus 2 binomial standard errors), never above the
   * range's upper end, and the PDIS bound is tighter on average.
   */
  @Test
  void coversTheExactValueOfATabularMdp() throws IOException {
    TabularMdp mdp = new TabularMdp(0.9);
    double truth = mdp.truth();
    SequentialConfig config = hcope(List.of(SequentialEstimator.TIS, SequentialEstimator.PDIS), 0.9, 0, 1, -0.5, 2.0);
    int replications = 200;
    int[] below = new int[2];
    double[] gap = new double[2];
    for (int r = 0; r < replications; r++) {
      SequentialResult result =
          SequentialEvaluator.evaluate(TabularMdp.source(mdp.collect(2000, 5000 + r, 0)), config, 1);
      for (int e = 0; e < 2; e++) {
        SequentialEstimate estimate = result.estimates().get(e);
        below[e] += estimate.interval().lower() <= truth ? 1 : 0;
        gap[e] += truth - estimate.interval().lower();
        assertThat(estimate.interval().lower()).isLessThanOrEqualTo(2.0 * 10);
        assertThat(estimate.interval().lower()).isGreaterThanOrEqualTo(-0.5 * 10);
        assertThat(estimate.interval().upper()).isCloseTo(2.0 * 10, org.assertj.core.data.Offset.offset(1e-12));
      }
    }
    double floor = 0.95 - 2 * Math.sqrt(0.95 * 0.05 / replications);
    for (int e = 0; e < 2; e++) {
      assertThat(below[e] / (double) replications).as("share below the truth, estimator " + e)
          .isGreaterThanOrEqualTo(floor);
    }
    // the bound says something: PDIS's lower end is well above the range's floor of -5
    assertThat(truth - gap[1] / replications).isGreaterThan(-2.0);
    assertThat(gap[1]).isLessThan(gap[0]);
  }

  @Test
  void refusals() {
    assertThatThrownBy(() -> hcope(List.of(SequentialEstimator.SNPDIS), 0.9, 0, 0, 0, 1))
        .isInstanceOf(UsageException.class).hasMessageContaining("tis and pdis only, not snpdis");
    assertThatThrownBy(() -> hcope(List.of(SequentialEstimator.PDIS), 0.9, 0, 0, Double.NaN, Double.NaN))
        .isInstanceOf(UsageException.class).hasMessageContaining("--reward-range");
    assertThatThrownBy(() -> hcope(List.of(SequentialEstimator.PDIS), 1.0, 0, 0, -1, 1))
        .isInstanceOf(UsageException.class).hasMessageContaining("--horizon-cap");
    assertThatThrownBy(() -> io.ope4j.engine.EvaluationConfig.of(
        io.ope4j.estimator.Estimators.parseList("ipw")).withInterval(IntervalMethod.HCOPE))
        .isInstanceOf(UsageException.class).hasMessageContaining("bandit logs take");
    // rewards >= 0 need no shift: gamma 1 without a cap is fine, with an infinite upper end
    assertThat(hcope(List.of(SequentialEstimator.PDIS), 1.0, 0, 0, 0, 1).totalDiscount())
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void rewardOutsideTheStatedRange_refused() {
    SequentialConfig config = hcope(List.of(SequentialEstimator.PDIS), 0.9, 0, 0, 0, 0.5);
    assertThatThrownBy(() -> SequentialEvaluator.evaluate(constant(10), config))
        .isInstanceOf(UsageException.class).hasMessageContaining("episode 0, step 0: reward 1.0");
  }

  private static SequentialConfig hcope(List<SequentialEstimator> estimators, double gamma,
      int horizonCap, long seed, double rewardLower, double rewardUpper) {
    return new SequentialConfig(estimators, gamma, horizonCap, Double.POSITIVE_INFINITY,
        IntervalMethod.HCOPE, 0.95, 200, seed, Double.NaN, Double.NaN,
        io.ope4j.selection.ScopeRlCompatibility.NONE, rewardLower, rewardUpper);
  }

  private static EpisodeSource.Opener constant(int episodes) {
    List<EpisodeSteps> list = new ArrayList<>();
    for (int id = 0; id < episodes; id++) {
      EpisodeSteps episode = new EpisodeSteps(1);
      episode.start(id);
      int t = episode.append();
      episode.set(t, 1.0, 0.5, Double.NaN);
      episode.setPolicy(0, t, 0.5, Double.NaN);
      list.add(episode);
    }
    return EpisodeList.of(list, List.of("pi"), false, false);
  }
}
