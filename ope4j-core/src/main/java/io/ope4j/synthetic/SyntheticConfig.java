package io.ope4j.synthetic;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that defines a synthetic bandit log; two generators with equal configurations give
 * the same rows and the same truth.
 *
 * <p>The model, drawn once from {@code seed}:
 *
 * <ul>
 *   <li>a pool of {@code poolSize} contexts {@code x_m ~ N(0, I_d)}; each logged round draws one
 *       uniformly, so the population of contexts is finite and every policy value is exact;
 *   <li>per action {@code a}, a weight vector {@code theta_a ~ N(0, I_d / d)} (so that {@code
 *       theta_a . x} has unit variance) and a bias {@code b_a ~ N(0, 0.5^2)} (so that actions
 *       differ on average, yet the context decides more than the bias); the score is {@code
 *       s(x, a) = theta_a . x + b_a} and the expected reward {@code mu(x, a)} follows from it by
 *       the {@link RewardFunction};
 *   <li>{@code sigma_mu}, the population standard deviation of {@code mu} over all pool contexts
 *       and actions (1 if that is 0). Temperatures, {@code rewardNoise} and {@code modelNoise}
 *       are in units of {@code sigma_mu}, so they mean the same for every reward function;
 *   <li>the behaviour (logging) policy is {@code softmax(mu / sigma_mu / behaviourTemperature)};
 *   <li>the reward model is {@code q(x, a) = mu(x, a) + modelNoise * sigma_mu * e(x, a)} with one
 *       fixed {@code e(x, a) ~ N(0, 1)} per pool context and action. It stands in for a fitted
 *       model and is deliberately imperfect: the direct method is then biased (by a known amount,
 *       see {@link GroundTruth#modelValue(int)}) and doubly robust estimators have something to
 *       correct.
 * </ul>
 *
 * @param nActions number of actions K, at least 2 (default 10)
 * @param contextDim dimension d of the contexts, at least 0 (default 5; 0 gives a non-contextual
 *     bandit whose {@code mu} depends on the action only)
 * @param poolSize number M of distinct contexts, at least 1 (default 1000)
 * @param rewardFunction default {@link RewardFunction#LINEAR}
 * @param rewardType default {@link RewardType#CONTINUOUS}
 * @param rewardNoise standard deviation of continuous rewards around {@code mu}, in units of
 *     {@code sigma_mu}; finite, {@code >= 0} (default 0.5: the noise is half the spread of the
 *     signal, so policies differ visibly at moderate sample sizes). Unused for binary rewards
 * @param behaviourTemperature temperature of the behaviour softmax; finite, {@code > 0} (default
 *     1.0. With the other defaults the most likely action of a context is typically (median over
 *     the pool) 17 times as likely as the least likely one, every action is logged, and the mean
 *     squared importance weight of the default evaluation policies is 1.3 to 3.5, so estimates
 *     are usable at a few thousand rows while rare rows still carry weights in the hundreds)
 * @param policies evaluation policies, at least one, with distinct names (default: {@code
 *     softmax(0.5)}, {@code epsilonGreedy(0.1)}, {@code argmax()}, {@code uniform()})
 * @param modelNoise standard deviation of the reward model's error, in units of {@code sigma_mu};
 *     finite, {@code >= 0} (default 0.1; 0 gives a perfect model)
 * @param seed the seed of every random draw (default 1)
 */
public record SyntheticConfig(
    int nActions,
    int contextDim,
    int poolSize,
    RewardFunction rewardFunction,
    RewardType rewardType,
    double rewardNoise,
    double behaviourTemperature,
    List<PolicySpec> policies,
    double modelNoise,
    long seed) {

  /**
   * Largest number of doubles in one per-context table ({@code poolSize * nActions} or {@code
   * poolSize * contextDim}); tables are flat arrays indexed by int. Memory is about {@code 8 *
   * poolSize * (contextDim + nActions * (5 + policies))} bytes.
   */
  public static final long MAX_TABLE_SIZE = Integer.MAX_VALUE - 8;

  /**
   * Checks every field.
   *
   * @throws IllegalArgumentException on a value outside the documented range
   * @throws NullPointerException on a null field or policy
   */
  public SyntheticConfig {
    Objects.requireNonNull(rewardFunction, "rewardFunction");
    Objects.requireNonNull(rewardType, "rewardType");
    policies = List.copyOf(policies);
    check(nActions >= 2, "nActions must be at least 2, got %s", nActions);
    check(contextDim >= 0, "contextDim must be at least 0, got %s", contextDim);
    check(poolSize >= 1, "poolSize must be at least 1, got %s", poolSize);
    check((long) poolSize * nActions <= MAX_TABLE_SIZE
            && (long) poolSize * contextDim <= MAX_TABLE_SIZE,
        "poolSize * max(nActions, contextDim) must be at most %s", MAX_TABLE_SIZE);
    check(rewardNoise >= 0.0 && rewardNoise < Double.POSITIVE_INFINITY,
        "rewardNoise must be finite and >= 0, got %s", rewardNoise);
    check(behaviourTemperature > 0.0 && behaviourTemperature < Double.POSITIVE_INFINITY,
        "behaviourTemperature must be finite and > 0, got %s", behaviourTemperature);
    check(modelNoise >= 0.0 && modelNoise < Double.POSITIVE_INFINITY,
        "modelNoise must be finite and >= 0, got %s", modelNoise);
    check(!policies.isEmpty(), "at least one evaluation policy is needed, got %s", policies);
    Set<String> names = new HashSet<>();
    for (PolicySpec policy : policies) {
      check(names.add(policy.name()), "policy names must be distinct, got %s twice", policy.name());
    }
  }

  /** The documented defaults. */
  public static SyntheticConfig defaults() {
    return new SyntheticConfig(
        10,
        5,
        1000,
        RewardFunction.LINEAR,
        RewardType.CONTINUOUS,
        0.5,
        1.0,
        List.of(
            PolicySpec.softmax(0.5),
            PolicySpec.epsilonGreedy(0.1),
            PolicySpec.argmax(),
            PolicySpec.uniform()),
        0.1,
        1L);
  }

  /** The defaults with the given seed. */
  public static SyntheticConfig defaults(long seed) {
    return defaults().withSeed(seed);
  }

  public SyntheticConfig withActions(int nActions) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  public SyntheticConfig withContextDim(int contextDim) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  public SyntheticConfig withPoolSize(int poolSize) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  public SyntheticConfig withRewardFunction(RewardFunction rewardFunction) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  public SyntheticConfig withRewardType(RewardType rewardType) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  public SyntheticConfig withRewardNoise(double rewardNoise) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  public SyntheticConfig withBehaviourTemperature(double behaviourTemperature) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  public SyntheticConfig withPolicies(List<PolicySpec> policies) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  public SyntheticConfig withPolicies(PolicySpec... policies) {
    return withPolicies(List.of(policies));
  }

  public SyntheticConfig withModelNoise(double modelNoise) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  public SyntheticConfig withSeed(long seed) {
    return new SyntheticConfig(nActions, contextDim, poolSize, rewardFunction, rewardType,
        rewardNoise, behaviourTemperature, policies, modelNoise, seed);
  }

  /** Names of the evaluation policies, in order. */
  public List<String> policyNames() {
    String[] names = new String[policies.size()];
    for (int p = 0; p < names.length; p++) {
      names[p] = policies.get(p).name();
    }
    return List.of(names);
  }

  private static void check(boolean condition, String message, Object value) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(message, value));
    }
  }
}
