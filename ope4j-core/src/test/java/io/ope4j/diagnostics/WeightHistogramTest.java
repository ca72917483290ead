package io.ope4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightHistogramTest {

  /** Weights 0, 0.3, 0.5, 0.9, 1, 3 and 3.5: bins [0.25,0.5) [0.5,1) [1,2) [2,4), zero unbinned. */
  @Test
  void countsByPowerOfTwo_handComputed() {
    WeightStats stats = statsOf(0.0, 0.3, 0.5, 0.9, 1.0, 3.0, 3.5);
    WeightHistogram histogram = stats.histogramByPowerOfTwo();
    assertThat(histogram.lowestExponent()).isEqualTo(-2);
    assertThat(histogram.counts()).containsExactly(1, 2, 1, 2);
    assertThat(histogram.lowerEdge(3)).isEqualTo(2.0);
    assertThat(stats.finish().histogram()).isEqualTo(histogram);
  }

  @Test
  void merge_equalsOnePass() {
    WeightStats left = statsOf(0.01, 0.3);
    left.merge(statsOf(7.0, 0.0, 100.0));
    assertThat(left.histogramByPowerOfTwo()).isEqualTo(statsOf(0.01, 0.3, 7.0, 0.0, 100.0).histogramByPowerOfTwo());
  }

  @Test
  void onlyZeros_isEmpty() {
    assertThat(statsOf(0.0, 0.0).histogramByPowerOfTwo()).isEqualTo(WeightHistogram.EMPTY);
  }

  /** Weights beyond 2^40 fall in the top end bucket, which does not resolve them: unknown, not its midpoint. */
  @Test
  void quantileAmongUnresolvedWeights_isNaN() {
    WeightStats stats = statsOf(1.0, 2.0, 1e13, 1e14);
    assertThat(stats.quantile(0.25)).isCloseTo(1.0, org.assertj.core.data.Percentage.withPercentage(0.8));
    assertThat(stats.quantile(0.99)).isNaN();
    // every weight the same: the quantile is known exactly
    assertThat(statsOf(1e13, 1e13).quantile(0.5)).isEqualTo(1e13);
  }

  /** A one-policy batch whose pscore is 1, so that each weight is the policy's probability. */
  private static WeightStats statsOf(double... weights) {
    BanditBatch batch = new BanditBatch(new LogLayout(List.of("p"), false, false, 2), weights.length);
    batch.setRows(0, weights.length);
    java.util.Arrays.fill(batch.pscore(), 0, weights.length, 1.0);
    System.arraycopy(weights, 0, batch.piLogged(0), 0, weights.length);
    WeightStats stats = new WeightStats();
    stats.addBlock(batch, 0, 0, weights.length);
    return stats;
  }
}
