package io.ope4j.synthetic;

import java.util.SplittableRandom;

/**
 * A seeded stream of logged rounds with an exact policy value, for checking intervals and
 * confidence sequences: five actions logged uniformly, an evaluation policy (0.5, 0.2, 0.1, 0.1,
 * 0.1), Bernoulli rewards with means (0.6, 0.5, 0.4, 0.3, 0.2). The value is 0.49; the weights are
 * 2.5, 1 or 0.5 (mean 1), so the IPW terms {@code w r} lie in [0, 2.5].
 */
public final class OffPolicyStream {

  /** The evaluation policy's probability of each action. */
  public static final double[] TARGET = {0.5, 0.2, 0.1, 0.1, 0.1};
  /** The expected reward of each action. */
  public static final double[] MEAN_REWARD = {0.6, 0.5, 0.4, 0.3, 0.2};
  /** The logging policy's probability of every action. */
  public static final double LOGGING = 0.2;
  /** The largest importance weight. */
  public static final double MAX_WEIGHT = 2.5;
  /** The evaluation policy's value: sum over actions of target times mean reward. */
  public static final double VALUE = 0.5 * 0.6 + 0.2 * 0.5 + 0.1 * (0.4 + 0.3 + 0.2);

  private final SplittableRandom random;
  private int action;
  private double reward;

  public OffPolicyStream(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Draws the next round. */
  public void next() {
    action = random.nextInt(TARGET.length);
    reward = random.nextDouble() < MEAN_REWARD[action] ? 1 : 0;
  }

  /** The logged action of the current round. */
  public int action() {
    return action;
  }

  /** The importance weight of the current round, {@code target / logging}. */
  public double weight() {
    return TARGET[action] / LOGGING;
  }

  /** The reward of the current round, 0 or 1. */
  public double reward() {
    return reward;
  }
}
