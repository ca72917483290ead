package io.ope4j.environment;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * A policy's value in a {@link FeatureEnvironment} by Monte Carlo: the mean discounted return of
 * n on-policy episodes and its standard error, the sample standard deviation of the returns over
 * sqrt(n) (the returns are independent and identically distributed).
 *
 * @param value the mean discounted return
 * @param stderr its standard error
 * @param episodes n
 */
public record MonteCarloValue(double value, double stderr, long episodes) {

  /**
   * Runs {@code episodes} episodes of the policy {@code rule} over the environment's scores.
   *
   * @param progress told the episodes done so far, every 1024
   */
  public static MonteCarloValue of(FeatureEnvironment environment, TabularPolicies.Rule rule,
      double gamma, long episodes, long seed, LongConsumer progress) {
    if (episodes < 2) {
      throw new IllegalArgumentException("a Monte Carlo value needs >= 2 episodes, got " + episodes);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] scores = new double[environment.actions()];
    double[] probabilities = new double[environment.actions()];
    io.ope4j.internal.stats.CompensatedSum sum = new io.ope4j.internal.stats.CompensatedSum();
    io.ope4j.internal.stats.CompensatedSum squares = new io.ope4j.internal.stats.CompensatedSum();
    for (long e = 0; e < episodes; e++) {
      environment.reset(random);
      double discount = 1.0;
      double discounted = 0.0;
      do {
        environment.scores(scores);
        rule.probabilities(scores, probabilities);
        int action = Draw.index(random, probabilities);
        discounted += discount * environment.step(action, random);
        discount *= gamma;
      } while (!environment.done());
      sum.add(discounted);
      squares.add(discounted * discounted);
      if ((e & 1023) == 1023) {
        progress.accept(e + 1);
      }
    }
    double mean = sum.value() / episodes;
    double variance = Math.max(0.0, squares.value() - sum.value() * mean) / (episodes - 1);
    return new MonteCarloValue(mean, Math.sqrt(variance / episodes), episodes);
  }
}
