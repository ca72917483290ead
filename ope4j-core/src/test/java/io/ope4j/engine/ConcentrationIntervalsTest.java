package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.ColumnarLog;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.TermRange;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Hoeffding and Bernstein intervals through the engine, on 100 rows with IPW terms 0, 1, 0, 1, ... */
class ConcentrationIntervalsTest {

  private static final int ROWS = 100;

  private static ColumnarLog log() {
    int[] action = new int[ROWS];
    double[] reward = new double[ROWS];
    double[] pscore = new double[ROWS];
    double[] pi = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      reward[i] = i % 2;
      pscore[i] = 0.5;
      pi[i] = 0.5; // weight 1: IPW terms equal the rewards
    }
    return ColumnarLog.builder(action, reward, pscore).policy("p", pi).build();
  }

  private static Interval interval(String estimator, IntervalMethod method, TermRange range) throws IOException {
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList(estimator)).withInterval(method)
        .withTermRange(range);
    return new Evaluator(config).evaluate(log().source()).estimate("p", estimator).interval();
  }

  @Test
  void hoeffdingOnTheObservedRange() throws IOException {
    Interval interval = interval("ipw", IntervalMethod.HOEFFDING, null);
    double half = Math.sqrt(Math.log(2 / 0.05) / (2.0 * ROWS));
    assertThat(interval.lower()).isCloseTo(0.5 - half, within(1e-15));
    assertThat(interval.upper()).isCloseTo(0.5 + half, within(1e-15));
    assertThat(interval.rangeLower()).isZero();
    assertThat(interval.rangeUpper()).isEqualTo(1.0);
    assertThat(interval.rangeSource()).isEqualTo("observed");
  }

  @Test
  void bernsteinOnAGivenRangeIsClampedToIt() throws IOException {
    Interval interval = interval("ipw", IntervalMethod.BERNSTEIN, new TermRange(0, 2));
    double variance = 0.25 * ROWS / (ROWS - 1);
    double log = Math.log(4 / 0.05);
    double half = Math.sqrt(2 * variance * log / ROWS) + 7 * 2 * log / (3.0 * (ROWS - 1));
    assertThat(interval.lower()).isCloseTo(Math.max(0, 0.5 - half), within(1e-15));
    assertThat(interval.upper()).isCloseTo(0.5 + half, within(1e-15));
    assertThat(interval.rangeSource()).isEqualTo("given");
  }

  @Test
  void aGivenRangeThatTheTermsLeaveIsAnError() {
    assertThatThrownBy(() -> interval("ipw", IntervalMethod.HOEFFDING, new TermRange(0, 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the given term range");
  }

  @Test
  void selfNormalisedBoundsCombineComponentBoundsAndContainTheEstimate() throws IOException {
    // SNIPW: numerator mean 0.5 in [0, 1], normaliser constant 1 (width 0): the ratio's bound
    // is the numerator's Hoeffding bound at alpha / 2.
    Interval interval = interval("snipw", IntervalMethod.HOEFFDING, null);
    double half = Math.sqrt(Math.log(2 / 0.025) / (2.0 * ROWS));
    assertThat(interval.lower()).isCloseTo(0.5 - half, within(1e-15));
    assertThat(interval.upper()).isCloseTo(0.5 + half, within(1e-15));
  }
}
