package io.ope4j.environment;

import java.util.SplittableRandom;

/**
 * A seeded episodic environment with a finite state space: every random draw comes from the
 * generator passed in, so a seed fixes the episodes. Mutable, one thread.
 */
public interface Environment {

  /** Number of states; observations are 0..states-1. */
  int states();

  /** Number of actions; actions are 0..actions-1. */
  int actions();

  /** Starts an episode and returns its first observation. */
  int reset(SplittableRandom random);

  /** Takes {@code action} in the current state; then {@link #reward} and {@link #done} tell. */
  void step(int action, SplittableRandom random);

  /** The current observation (after {@link #reset} or {@link #step}). */
  int observation();

  /** The reward of the last step. */
  double reward();

  /** Whether the last step ended the episode. */
  boolean done();
}
