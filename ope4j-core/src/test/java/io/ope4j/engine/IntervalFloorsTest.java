package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.ColumnarLog;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import io.ope4j.interval.TermRange;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class IntervalFloorsTest {

  /** 10 rows, uniform logging over 2 actions; the policy always takes action 0, whose reward is 1. */
  private static ColumnarLog allMatchedRewardsOne(double reward) {
    int n = 10;
    int[] action = new int[n];
    double[] r = new double[n];
    double[] pscore = new double[n];
    double[] pi = new double[n];
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      action[i] = i % 2;
      r[i] = action[i] == 0 ? reward : 0.0;
      pscore[i] = 0.5;
      pi[i] = action[i] == 0 ? 1.0 : 0.0;
      q[i] = 0.5;
    }
    return ColumnarLog.builder(action, r, pscore).policy("first", pi, q.clone()).modelAtLoggedAction(q).nActions(2)
        .build();
  }

  @Test
  void wilsonKeepsWidthAtTheBoundary() {
    // p = 0 on n trials: the upper end is z^2 / (n + z^2) (Wilson 1927).
    double z = Intervals.normalQuantile(0.975);
    double[] bounds = Intervals.wilson(0.0, 10, 0.95);
    assertThat(bounds[0]).isEqualTo(0.0);
    assertThat(bounds[1]).isCloseTo(z * z / (10 + z * z), within(1e-12));
    assertThat(Intervals.wilson(1.0, 0, 0.95)).containsExactly(0.0, 1.0);
  }

  @Test
  void snipwOfAllOnesGetsAWilsonFloorNotAPoint() throws IOException {
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("snipw,ipw,dm")).withThreads(1))
        .evaluate(allMatchedRewardsOne(1.0).source());
    Estimate snipw = result.estimate("first", "snipw");
    assertThat(snipw.value()).isEqualTo(1.0);
    assertThat(snipw.stderr()).isEqualTo(0.0);
    Interval interval = snipw.interval();
    assertThat(interval.label()).isEqualTo("t+wilson");
    assertThat(interval.upper()).isEqualTo(1.0);
    // Kish's effective sample size is 5 (five rows of weight 2): Wilson at p = 1, n = 5.
    assertThat(interval.lower()).isCloseTo(Intervals.wilson(1.0, 5, 0.95)[0], within(1e-12)).isLessThan(0.7);
    assertThat(interval.floor().rangeSource()).isEqualTo("binary");
    Interval dm = result.estimate("first", "dm").interval();
    assertThat(dm.modelConditional()).isTrue();
    assertThat(dm.floor()).isNull();
  }

  @Test
  void aGivenRewardRangeScalesTheFloorAndRejectsRewardsOutsideIt() throws IOException {
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("snipw")).withThreads(1)
        .withRewardRange(new TermRange(0, 4));
    Interval interval = new Evaluator(config).evaluate(allMatchedRewardsOne(3.0).source()).estimate("first", "snipw")
        .interval();
    double[] wilson = Intervals.wilson(0.75, 5, 0.95);
    assertThat(interval.lower()).isCloseTo(4 * wilson[0], within(1e-12));
    assertThat(interval.upper()).isCloseTo(4 * wilson[1], within(1e-12));
    assertThat(interval.floor().rangeSource()).isEqualTo("given");
    EvaluationConfig tooNarrow = config.withRewardRange(new TermRange(0, 2));
    assertThatThrownBy(() -> new Evaluator(tooNarrow).evaluate(allMatchedRewardsOne(3.0).source()))
        .isInstanceOf(io.ope4j.data.InvalidDataException.class).hasMessageContaining("row 1, reward: rewards are observed in");
  }

  @Test
  void withoutARangeAZeroWidthIntervalBecomesUnboundedWithAWarning() throws IOException {
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("snipw")).withThreads(1))
        .evaluate(allMatchedRewardsOne(3.0).source());
    Interval interval = result.estimate("first", "snipw").interval();
    assertThat(interval.label()).isEqualTo("t+unbounded");
    assertThat(interval.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(result.warnings()).anyMatch(w -> w.contains("estimator snipw on policy first") && w.contains("--reward-range"));
  }

  /** The model predicts 0.5 everywhere, so DM's terms have no spread: unbounded, still model-conditional. */
  @Test
  void aConstantModelGivesDmAnUnboundedIntervalNotAPoint() throws IOException {
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("dm")).withThreads(1))
        .evaluate(allMatchedRewardsOne(1.0).source());
    Interval interval = result.estimate("first", "dm").interval();
    assertThat(result.estimate("first", "dm").value()).isEqualTo(0.5);
    assertThat(interval.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(interval.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(interval.modelConditional()).isTrue();
    assertThat(result.warnings()).anyMatch(w -> w.contains("estimator dm on policy first") && w.contains("unbounded"));
  }

  @Test
  void theFloorAppliesToEveryIntervalMethodAndDoesNotMoveEstimates() throws IOException {
    for (IntervalMethod method : IntervalMethod.values()) {
      if (method == IntervalMethod.HCOPE) {
        continue; // a bound over trajectories only: bandit configurations refuse it
      }
      // the likelihood intervals apply to ipw and snipw only, and need no floor: they keep a width
      boolean likelihood = method.fromLikelihood();
      EvaluationConfig config = EvaluationConfig.of(Estimators.parseList(likelihood ? "ipw,snipw" : "ipw,snipw,dr,sndr"))
          .withThreads(1).withInterval(method).withBootstrap(50, 1);
      EvaluationResult result = new Evaluator(config).evaluate(allMatchedRewardsOne(1.0).source());
      for (Estimate estimate : result.estimates()) {
        assertThat(estimate.interval().label()).isEqualTo(likelihood ? method.id() : method.id() + "+wilson");
        assertThat(estimate.interval().upper() - estimate.interval().lower()).as(estimate.estimator()).isPositive();
      }
      assertThat(result.estimate("first", "ipw").value()).isEqualTo(1.0);
    }
  }

  @Test
  void anOverflowingSumIsSaidInAWarning() throws IOException {
    int n = 20;
    int[] action = new int[n];
    double[] reward = new double[n];
    double[] pscore = new double[n];
    double[] pi = new double[n];
    java.util.Arrays.fill(reward, 1.79e308);
    java.util.Arrays.fill(pscore, 1.0);
    java.util.Arrays.fill(pi, 1.0);
    ColumnarLog log = ColumnarLog.builder(action, reward, pscore).policy("same", pi).nActions(1).build();
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw")).withThreads(1))
        .evaluate(log.source());
    assertThat(result.warnings()).anyMatch(w -> w.contains("estimator ipw on policy same")
        && w.contains("exceed the largest double"));
  }
}
