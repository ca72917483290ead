package io.ope4j.environment;

import java.io.IOException;

/** Seeded Monte Carlo returns of a policy in an environment, for checks against exact values. */
final class MonteCarlo {

  private MonteCarlo() {}

  /** The mean and standard error of the discounted returns of {@code n} episodes. */
  static double[] returns(Environment environment, double[][] policy, double gamma, int n,
      long seed) throws IOException {
    double[] sums = new double[3]; // current return, sum, sum of squares
    EpisodeCollector.collect(environment, policy, n, seed, (episode, step, state, action, reward,
        pscore, done) -> {
      sums[0] += Math.pow(gamma, step) * reward;
      if (done) {
        sums[1] += sums[0];
        sums[2] += sums[0] * sums[0];
        sums[0] = 0;
      }
    });
    double mean = sums[1] / n;
    return new double[] {mean, Math.sqrt((sums[2] / n - mean * mean) / n)};
  }
}
