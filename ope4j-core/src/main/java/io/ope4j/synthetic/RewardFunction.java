package io.ope4j.synthetic;

/**
 * How the expected reward {@code mu(x, a)} depends on the linear score {@code s(x, a) = theta_a .
 * x + b_a} of a context {@code x} and an action {@code a}.
 */
public enum RewardFunction {
  /**
   * {@code mu = s} for continuous rewards. For binary rewards the score is mapped affinely onto
   * [0.05, 0.95] with the minimum and maximum of {@code s} over the finite pool of contexts and
   * all actions, so {@code mu} stays exactly linear in {@code x} and a valid probability.
   */
  LINEAR,
  /** {@code mu = 1 / (1 + exp(-s))}, in (0, 1). */
  LOGISTIC
}
