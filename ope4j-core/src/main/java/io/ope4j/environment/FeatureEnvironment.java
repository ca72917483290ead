package io.ope4j.environment;

import java.util.SplittableRandom;

/**
 * A seeded episodic environment whose state is a vector of real features, with no finite state
 * space (so no exact value: its policies are valued by Monte Carlo, {@link MonteCarloValue}). Every
 * random draw comes from the generator passed in. Mutable, one thread.
 */
public interface FeatureEnvironment {

  /** Number of actions; actions are 0..actions-1. */
  int actions();

  /** Names of the state features, written as {@code s_<name>} columns. */
  java.util.List<String> featureNames();

  /** Starts an episode. */
  void reset(SplittableRandom random);

  /** Writes the current state's features into {@code out}. */
  void observe(double[] out);

  /** Writes the score of each action in the current state into {@code out}: what policies rank by. */
  void scores(double[] out);

  /** Takes {@code action} in the current state and returns its reward; then {@link #done} tells. */
  double step(int action, SplittableRandom random);

  /** Whether the last step ended the episode. */
  boolean done();

  /** The least and the most reward one step can pay. */
  double[] rewardRange();
}
