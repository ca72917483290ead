package io.ope4j.sequential;

import io.ope4j.interval.Interval;

/**
 * One estimator's result for one policy.
 *
 * @param policy the evaluation policy's name
 * @param estimator the estimator
 * @param value the mean of the per-trajectory values
 * @param stderr their sample standard deviation over sqrt(n)
 * @param interval the confidence interval
 * @param episodes trajectories averaged
 * @param highConfidence for a {@code hcope} interval, how its lower bound was made; else null
 */
public record SequentialEstimate(
    String policy, SequentialEstimator estimator, double value, double stderr, Interval interval,
    long episodes, HighConfidence highConfidence) {

  /** An estimate whose interval is not a high-confidence lower bound. */
  public SequentialEstimate(String policy, SequentialEstimator estimator, double value,
      double stderr, Interval interval, long episodes) {
    this(policy, estimator, value, stderr, interval, episodes, null);
  }

  /**
   * How a high-confidence lower bound was made (Thomas, Theocharous &amp; Ghavamzadeh 2015).
   *
   * @param threshold the truncation c of the shifted importance-weighted values, chosen on the
   *     selection split; NaN when a split had fewer than 2 episodes (then the bound is the range's)
   * @param selectionEpisodes episodes of the selection split
   * @param boundEpisodes episodes of the split the bound is computed on
   * @param rewardLower the stated lower end of every step's reward
   * @param rewardUpper the stated upper end
   */
  public record HighConfidence(double threshold, long selectionEpisodes, long boundEpisodes,
      double rewardLower, double rewardUpper) {}
}
