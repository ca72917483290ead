package io.ope4j.sequential;

import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import io.ope4j.selection.ScopeRlCompatibility;
import java.util.List;

/**
 * How to evaluate trajectories.
 *
 * @param estimators the estimators, in output order
 * @param gamma discount in [0, 1]
 * @param horizonCap steps of each episode used (later steps ignored), or 0 for all
 * @param clip largest cumulative step weight used, {@code +Infinity} for none; clipped weights
 *     are counted in the result
 * @param method interval method
 * @param level confidence level in (0, 1)
 * @param replicates bootstrap replicates (used by the bootstrap only)
 * @param seed bootstrap seed
 * @param rangeLower for Hoeffding and Bernstein, the given lower end of the per-trajectory values,
 *     or NaN to use the observed range
 * @param rangeUpper likewise, the upper end
 * @param compatibility {@link ScopeRlCompatibility#NONE}, or SCOPE-RL's coded intervals
 * @param rewardLower for {@link IntervalMethod#HCOPE}, the lower end of every step's reward, or
 *     NaN when not given
 * @param rewardUpper likewise, the upper end
 */
public record SequentialConfig(
    List<SequentialEstimator> estimators,
    double gamma,
    int horizonCap,
    double clip,
    IntervalMethod method,
    double level,
    int replicates,
    long seed,
    double rangeLower,
    double rangeUpper,
    ScopeRlCompatibility compatibility,
    double rewardLower,
    double rewardUpper) implements java.io.Serializable {

  public SequentialConfig {
    estimators = List.copyOf(estimators);
    if (estimators.isEmpty()) {
      throw new IllegalArgumentException("no trajectory estimator given");
    }
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
    }
    if (horizonCap < 0) {
      throw new IllegalArgumentException("horizon cap must be >= 0, got " + horizonCap);
    }
    if (!(clip > 0)) {
      throw new IllegalArgumentException("clip must be > 0, got " + clip);
    }
    Intervals.checkLevel(level);
    if (method.fromLikelihood()) {
      throw new io.ope4j.data.UsageException("--ci " + method.id() + " is for bandit logs (ipw, snipw, cressie-read,"
          + " mle); trajectory estimators take t, bootstrap, hoeffding or bernstein");
    }
    if (method == IntervalMethod.BOOTSTRAP && replicates < 2) {
      throw new IllegalArgumentException("bootstrap needs >= 2 replicates, got " + replicates);
    }
    for (SequentialEstimator blend : estimators) {
      if ((blend == SequentialEstimator.MAGIC || blend.perStep()) && (compatibility != ScopeRlCompatibility.NONE
          || method == IntervalMethod.HOEFFDING || method == IntervalMethod.BERNSTEIN)) {
        throw new IllegalArgumentException(blend.id() + " has t and bootstrap intervals only (its"
            + " value is not a mean of per-episode values), and no SCOPE-RL mode");
      }
    }
    for (SequentialEstimator perStep : estimators) {
      if (perStep.perStep() && gamma != 1.0) {
        throw new IllegalArgumentException(perStep.id() + " estimates the average reward per step,"
            + " with undiscounted ratios: it needs gamma 1, got " + gamma);
      }
    }
    if (method == IntervalMethod.HCOPE) {
      checkHighConfidence(estimators, gamma, horizonCap, compatibility, rewardLower, rewardUpper);
    }
    if (Double.isNaN(rangeLower) != Double.isNaN(rangeUpper) || rangeLower > rangeUpper) {
      throw new IllegalArgumentException(
          "range must be given as lower <= upper, got [" + rangeLower + ", " + rangeUpper + "]");
    }
  }

  /** Defaults: no cap, no clip, 95% t intervals, 200 replicates, seed 0, observed ranges. */
  public static SequentialConfig of(List<SequentialEstimator> estimators, double gamma) {
    return new SequentialConfig(estimators, gamma, 0, Double.POSITIVE_INFINITY, IntervalMethod.T,
        0.95, 200, 0L, Double.NaN, Double.NaN, ScopeRlCompatibility.NONE, Double.NaN, Double.NaN);
  }

  /** This configuration with another interval method. */
  public SequentialConfig withInterval(IntervalMethod newMethod, int newReplicates, long newSeed) {
    return new SequentialConfig(estimators, gamma, horizonCap, clip, newMethod, level,
        newReplicates, newSeed, rangeLower, rangeUpper, compatibility, rewardLower, rewardUpper);
  }

  /** This configuration with another level. */
  public SequentialConfig withLevel(double newLevel) {
    return new SequentialConfig(estimators, gamma, horizonCap, clip, method, newLevel,
        replicates, seed, rangeLower, rangeUpper, compatibility, rewardLower, rewardUpper);
  }

  /** This configuration with a cap and a clip. */
  public SequentialConfig withLimits(int newHorizonCap, double newClip) {
    return new SequentialConfig(estimators, gamma, newHorizonCap, newClip, method, level,
        replicates, seed, rangeLower, rangeUpper, compatibility, rewardLower, rewardUpper);
  }

  /** This configuration with SCOPE-RL's coded intervals, or without. */
  public SequentialConfig withCompatibility(ScopeRlCompatibility newCompatibility) {
    return new SequentialConfig(estimators, gamma, horizonCap, clip, method, level,
        replicates, seed, rangeLower, rangeUpper, newCompatibility, rewardLower, rewardUpper);
  }

  /** This configuration with the range of every step's reward (for {@link IntervalMethod#HCOPE}). */
  public SequentialConfig withRewardRange(double lower, double upper) {
    return new SequentialConfig(estimators, gamma, horizonCap, clip, method, level,
        replicates, seed, rangeLower, rangeUpper, compatibility, lower, upper);
  }

  /**
   * The sum of the discounts of the steps an episode can have: {@code sum_{t < H} gamma^t} with a
   * horizon cap H, else {@code 1 / (1 - gamma)}, or {@code +Infinity} at gamma 1 without a cap.
   */
  double totalDiscount() {
    if (horizonCap > 0) {
      return gamma == 1.0 ? horizonCap : (1 - Math.pow(gamma, horizonCap)) / (1 - gamma);
    }
    return gamma < 1 ? 1 / (1 - gamma) : Double.POSITIVE_INFINITY;
  }

  /** The reward range's lower end, or 0 if it is above 0 (the steps after an episode's end pay 0). */
  double shiftedRewardLower() {
    return Math.min(rewardLower, 0.0);
  }

  private static void checkHighConfidence(List<SequentialEstimator> estimators, double gamma,
      int horizonCap, ScopeRlCompatibility compatibility, double rewardLower, double rewardUpper) {
    for (SequentialEstimator estimator : estimators) {
      if (estimator != SequentialEstimator.TIS && estimator != SequentialEstimator.PDIS) {
        throw new io.ope4j.data.UsageException("--ci hcope bounds the mean of non-negative"
            + " importance-weighted returns: it applies to tis and pdis only, not " + estimator.id()
            + " (give --estimators tis,pdis)");
      }
    }
    if (compatibility != ScopeRlCompatibility.NONE) {
      throw new io.ope4j.data.UsageException("--ci hcope has no SCOPE-RL mode");
    }
    if (!(Double.isFinite(rewardLower) && Double.isFinite(rewardUpper) && rewardLower < rewardUpper)) {
      throw new io.ope4j.data.UsageException("--ci hcope needs the range of every step's reward,"
          + " --reward-range LO,HI with LO < HI");
    }
    if (rewardLower < 0 && gamma == 1.0 && horizonCap == 0) {
      throw new io.ope4j.data.UsageException("--ci hcope with rewards that may be negative needs"
          + " a finite total discount to shift them by: --gamma below 1 or --horizon-cap H");
    }
  }

  boolean scopeRl() {
    return compatibility != ScopeRlCompatibility.NONE;
  }

  /** Whether an estimator is self-normalised (the log is then read twice). */
  public boolean anySelfNormalized() {
    for (SequentialEstimator estimator : estimators) {
      if (estimator.selfNormalized()) {
        return true;
      }
    }
    return false;
  }
}
