package io.ope4j.synthetic;

/** How an observed reward is drawn around its expectation {@code mu(x, a)}. */
public enum RewardType {
  /**
   * {@code r = mu + sigma_mu * rewardNoise * N(0, 1)}: Gaussian noise whose standard deviation is
   * {@link SyntheticConfig#rewardNoise()} in units of {@code sigma_mu}, the spread of {@code mu}
   * (see {@link SyntheticConfig}).
   */
  CONTINUOUS,
  /** {@code r ~ Bernoulli(mu)}, 0 or 1; both reward functions keep {@code mu} in [0, 1] for it. */
  BINARY
}
