package io.ope4j.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalsTest {

  @Test
  void percentileFollowsNumpysLinearRule() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // numpy.percentile(range(1, 11), [2.5, 50, 97.5]) = [1.225, 5.5, 9.775]
    assertThat(Intervals.percentile(sorted, 0.025)).isCloseTo(1.225, within(1e-15));
    assertThat(Intervals.percentile(sorted, 0.5)).isCloseTo(5.5, within(1e-15));
    assertThat(Intervals.percentile(sorted, 0.975)).isCloseTo(9.775, within(1e-15));
    assertThat(Intervals.percentile(sorted, 1.0)).isEqualTo(10);
    assertThat(Intervals.percentile(sorted, 0.0)).isEqualTo(1);
  }

  @Test
  void studentTUsesNMinusOneDegreesOfFreedom() {
    // t_{9, 0.975} = 2.262157162798205 (scipy.stats.t.ppf)
    Interval interval = Intervals.studentT(1.0, 0.1, 10, 0.95);
    assertThat(interval.upper() - 1.0).isCloseTo(0.2262157162798205, within(1e-12));
    assertThat(interval.lower()).isCloseTo(1.0 - 0.2262157162798205, within(1e-12));
    assertThat(Intervals.studentT(1.0, 0.1, 1, 0.95).lower()).isNaN();
  }

  @Test
  void hoeffdingAndBernsteinHalfWidths() {
    // width 1, n = 100, alpha = 0.05: sqrt(ln(40) / 200)
    assertThat(Intervals.hoeffdingHalfWidth(1, 100, 0.05)).isCloseTo(Math.sqrt(Math.log(40) / 200), within(1e-15));
    double log = Math.log(80);
    assertThat(Intervals.bernsteinHalfWidth(0.25, 2, 101, 0.05))
        .isCloseTo(Math.sqrt(2 * 0.25 * log / 101) + 7 * 2 * log / 300, within(1e-15));
    assertThat(Intervals.bernsteinHalfWidth(0.25, 2, 1, 0.05)).isInfinite();
  }

  @Test
  void bootstrapPercentileInterval() {
    double[] replicates = new double[1001];
    for (int i = 0; i < replicates.length; i++) {
      replicates[(i * 2) % 1001] = i;
    }
    Interval interval = Intervals.bootstrapPercentile(replicates, 0.9);
    assertThat(interval.lower()).isCloseTo(50, within(1e-12));
    assertThat(interval.upper()).isCloseTo(950, within(1e-12));
    assertThat(interval.replicates()).isEqualTo(1001);
  }
}
