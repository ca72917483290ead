package io.ope4j.sequence;

import java.util.SplittableRandom;

/**
 * A seeded off-policy stream with an exact value: five actions logged uniformly, an evaluation
 * policy (0.5, 0.2, 0.1, 0.1, 0.1), Bernoulli rewards with means (0.6, 0.5, 0.4, 0.3, 0.2). The
 * weights are 2.5, 1 or 0.5 (mean 1), so the IPW terms w r lie in [0, 2.5].
 */
final class OffPolicyStream {

  static final double[] TARGET = {0.5, 0.2, 0.1, 0.1, 0.1};
  static final double[] MEAN_REWARD = {0.6, 0.5, 0.4, 0.3, 0.2};
  static final double LOGGING = 0.2;
  static final double MAX_WEIGHT = 2.5;
  /** sum over actions of target * mean reward. */
  static final double VALUE = 0.5 * 0.6 + 0.2 * 0.5 + 0.1 * (0.4 + 0.3 + 0.2);

  private final SplittableRandom random;
  double weight;
  double reward;

  OffPolicyStream(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Draws the next row into {@link #weight} and {@link #reward}. */
  void next() {
    int action = random.nextInt(TARGET.length);
    weight = TARGET[action] / LOGGING;
    reward = random.nextDouble() < MEAN_REWARD[action] ? 1 : 0;
  }
}
