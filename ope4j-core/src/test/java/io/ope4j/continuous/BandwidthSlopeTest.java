package io.ope4j.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.estimator.Slope;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandwidthSlopeTest {

  @Test
  void visitsBandwidthsInOrderAndStopsAtTheFirstInconsistentOne() {
    // widths t_{n-1}(0.9) * stderr ~ 1.2816 * stderr for large n
    double[] values = {1.0, 1.05, 1.1, 2.0, 3.0};
    double[] stderrs = {0.2, 0.1, 0.05, 0.01, 0.5};
    // 1.05 and 1.1 agree with every earlier one; 2.0 is 0.9 from 1.1, far beyond 0.013 + 1.45 * 0.064
    assertThat(Slope.chooseInOrder(values, stderrs, 100_000, 0.1)).isEqualTo(2);
    // by decreasing width (OBP's order) the last, widest and most biased candidate is visited first,
    // and the next one (|1 - 3| > 0.26 + 1.45 * 0.64) ends the search with it
    assertThat(Slope.choose(values, stderrs, 100_000, 0.1)).isEqualTo(4);
  }

  @Test
  void kernelIpwAvoidsTheHeavilySmoothedBandwidths() throws IOException {
    ContinuousSimulation simulation = ContinuousSimulation.defaults(20_000, 4);
    ContinuousEstimator tuned = ContinuousEstimators.parse("kernel-ipw:bandwidth=slope");
    ContinuousResult result = new ContinuousEvaluator(ContinuousConfig.of(List.of(tuned)).withThreads(1))
        .evaluate(new ContinuousSimulator(simulation));
    ContinuousEstimate estimate = result.estimates().get(0);
    double chosen = Double.parseDouble(estimate.selected().substring(estimate.selected().lastIndexOf('=') + 1));
    // the smoothing bias -h^2 exceeds the noise from h = 0.5 on; SLOPE stops before it
    assertThat(chosen).isBetween(0.05, 0.2);
    assertThat(Math.abs(estimate.value() - simulation.trueValue())).isLessThan(0.15);
  }
}
