package io.ope4j.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statistical properties on simulated logs with exact truth ({@link ContinuousSimulation}), on fixed
 * seeds, with tolerances from the standard error of the replications' mean.
 */
class ContinuousStatisticsTest {

  /** Replications of {@code rows} rows each: the estimates, and whether each interval held {@code truth}. */
  private record Replications(double mean, double stderrOfMean, double coverage) {}

  private static Replications replicate(ContinuousSimulation simulation, int replications, int rows,
      ContinuousEstimator estimator, double truth) {
    ContinuousSimulator simulator = new ContinuousSimulator(simulation.withRows((long) replications * rows,
        simulation.seed()));
    ContinuousConfig config = ContinuousConfig.of(List.of(estimator)).withThreads(1);
    ContinuousBatch batch = new ContinuousBatch(simulator.layout(), rows);
    double sum = 0;
    double sumSquares = 0;
    int covered = 0;
    for (int r = 0; r < replications; r++) {
      simulator.next(batch);
      ContinuousState state = new ContinuousState(simulator.layout(), config);
      state.add(batch);
      ContinuousEstimate estimate = state.finish().estimates().get(0);
      sum += estimate.value();
      sumSquares += estimate.value() * estimate.value();
      covered += estimate.interval().covers(truth) ? 1 : 0;
    }
    double mean = sum / replications;
    double variance = (sumSquares - replications * mean * mean) / (replications - 1);
    return new Replications(mean, Math.sqrt(variance / replications), covered / (double) replications);
  }

  @Test
  void kernelIpwBiasIsMinusBandwidthSquaredAndShrinksAsTheBandwidthShrinksWithN() {
    ContinuousSimulation simulation = ContinuousSimulation.defaults(1, 20260101);
    double truth = simulation.trueValue();
    int[] sizes = {1_000, 10_000, 100_000};
    int[] replications = {100, 30, 12};
    double[] bias = new double[sizes.length];
    for (int k = 0; k < sizes.length; k++) {
      double h = 0.5 * Math.pow(sizes[k] / 1000.0, -0.2); // the MSE-optimal rate n^(-1/5)
      Replications result = replicate(simulation, replications[k], sizes[k],
          ContinuousEstimators.kernelIpw(Kernel.GAUSSIAN, h), truth);
      double expected = simulation.kernelIpwExpectation(Kernel.GAUSSIAN, h);
      assertThat(Math.abs(result.mean() - expected)).as("n = %d, mean %s, expected %s", sizes[k], result.mean(), expected)
          .isLessThan(4 * result.stderrOfMean());
      bias[k] = result.mean() - truth;
    }
    // the smoothing bias -h^2 falls from -0.25 to -0.04; each measured one is within 4 SE of it
    assertThat(Math.abs(bias[2])).isLessThan(Math.abs(bias[0]) / 3);
    assertThat(bias[0]).isLessThan(-0.15);
  }

  @Test
  void kernelDrIntervalsCoverTheTruth() {
    // with a constant model error kernel DR is exactly unbiased (the kernel weights average to 1)
    ContinuousSimulation simulation = ContinuousSimulation.defaults(1, 7);
    Replications result = replicate(simulation, 1000, 1000, ContinuousEstimators.kernelDr(Kernel.EPANECHNIKOV, 0.5),
        simulation.trueValue());
    assertThat(result.coverage()).isBetween(0.93, 0.97);
    assertThat(Math.abs(result.mean() - simulation.trueValue())).isLessThan(4 * result.stderrOfMean());
  }

  @Test
  void densityPolicyIpwIntervalsCoverTheTruth() {
    ContinuousSimulation simulation = ContinuousSimulation.defaults(1, 11).withPolicy(0.8, 0.3, 0.6);
    Replications result = replicate(simulation, 1000, 1000, ContinuousEstimators.parse("kernel-ipw"),
        simulation.trueValue());
    assertThat(result.coverage()).isBetween(0.93, 0.97);
    assertThat(Math.abs(result.mean() - simulation.trueValue())).isLessThan(4 * result.stderrOfMean());
  }
}
