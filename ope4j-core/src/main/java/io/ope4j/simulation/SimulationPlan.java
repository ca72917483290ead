package io.ope4j.simulation;

import io.ope4j.interval.Intervals;

/**
 * How to evaluate a policy in a simulator.
 *
 * @param gamma discount of the returns, in [0, 1]
 * @param level confidence level of the interval, in (0, 1)
 * @param targetWidth stop once the interval is narrower than this (checked after each round); 0
 *     to run the whole budget
 * @param budget the most episodes to run
 * @param roundEpisodes episodes per round: the unit of the stopping check and of the PROPS
 *     behaviour's global update; a multiple of {@link #CHUNK_EPISODES}
 * @param sampling on-policy or PROPS
 * @param propsStep PROPS's step size: each surplus visit of an action lowers its logit by this much
 * @param seed seed of every draw
 * @param threads worker threads; the result does not depend on it
 */
public record SimulationPlan(double gamma, double level, double targetWidth, long budget, int roundEpisodes,
    Sampling sampling, double propsStep, long seed, int threads) {

  /** Episodes per chunk: the unit of parallel work, seeded by (seed, chunk index). */
  public static final int CHUNK_EPISODES = 64;

  /** @throws IllegalArgumentException on a value outside the documented range */
  public SimulationPlan {
    Intervals.checkLevel(level);
    if (!(gamma >= 0 && gamma <= 1) || !(targetWidth >= 0) || budget < 2 || roundEpisodes < CHUNK_EPISODES
        || roundEpisodes % CHUNK_EPISODES != 0 || !(propsStep >= 0) || threads < 1) {
      throw new IllegalArgumentException(String.format("simulation plan: need gamma in [0, 1], target width >= 0,"
          + " budget >= 2, episodes per round a positive multiple of %d, PROPS step >= 0 and threads >= 1;"
          + " got %s, %s, %d, %d, %s, %d", CHUNK_EPISODES, gamma, targetWidth, budget, roundEpisodes, propsStep,
          threads));
    }
  }

  /** Defaults: gamma 1, 95% level, no target width, 2^16 episodes in rounds of 1,024, on-policy, step 1, seed 1. */
  public static SimulationPlan defaults() {
    return new SimulationPlan(1.0, 0.95, 0, 1 << 16, 1024, Sampling.ON_POLICY, 1.0, 1, 1);
  }

  public SimulationPlan withSampling(Sampling newSampling) {
    return new SimulationPlan(gamma, level, targetWidth, budget, roundEpisodes, newSampling, propsStep, seed, threads);
  }

  public SimulationPlan withBudget(long newBudget) {
    return new SimulationPlan(gamma, level, targetWidth, newBudget, roundEpisodes, sampling, propsStep, seed, threads);
  }

  public SimulationPlan withSeed(long newSeed) {
    return new SimulationPlan(gamma, level, targetWidth, budget, roundEpisodes, sampling, propsStep, newSeed, threads);
  }

  public SimulationPlan withThreads(int newThreads) {
    return new SimulationPlan(gamma, level, targetWidth, budget, roundEpisodes, sampling, propsStep, seed, newThreads);
  }

  public SimulationPlan withTargetWidth(double width) {
    return new SimulationPlan(gamma, level, width, budget, roundEpisodes, sampling, propsStep, seed, threads);
  }

  public SimulationPlan withGamma(double newGamma) {
    return new SimulationPlan(newGamma, level, targetWidth, budget, roundEpisodes, sampling, propsStep, seed, threads);
  }

  public SimulationPlan withRoundEpisodes(int episodes) {
    return new SimulationPlan(gamma, level, targetWidth, budget, episodes, sampling, propsStep, seed, threads);
  }
}
