package io.ope4j.sequential;

import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;

/**
 * Turns a {@link HighConfidenceBound} on the shifted values {@code X = psi - lo * mass} into a
 * one-sided interval on the policy value: {@code V = E[X] + lo D} (lo the reward range's lower end
 * cut at 0, D the total discount, see {@link TrajectoryValues#shiftMass}), so the lower end is
 * {@code lo D} plus the bound on {@code E[X]}; the upper end is not estimated: it is the most the
 * range allows, {@code hi D} (hi cut below at 0), {@code +Infinity} when D is infinite.
 */
final class HighConfidenceIntervals {

  private HighConfidenceIntervals() {}

  static SequentialEstimate estimate(String policy, SequentialEstimator estimator, double mean,
      double stderr, long n, HighConfidenceBound bound, SequentialConfig config) {
    HighConfidenceBound.Result result = bound.finish(1 - config.level());
    double total = config.totalDiscount();
    double lo = config.shiftedRewardLower();
    double hi = Math.max(config.rewardUpper(), 0.0);
    double floor = lo == 0.0 ? 0.0 : lo * total;
    double ceiling = hi == 0.0 ? 0.0 : hi * total;
    // too few episodes in a split: no bound beyond the range itself
    double lower = Double.isNaN(result.lower()) ? floor : Math.min(ceiling, floor + result.lower());
    Interval interval = new Interval(lower, ceiling, config.level(), IntervalMethod.HCOPE,
        config.rewardLower(), config.rewardUpper(), "given", 0);
    return new SequentialEstimate(policy, estimator, mean, stderr, interval, n,
        new SequentialEstimate.HighConfidence(result.threshold(), result.selectionEpisodes(),
            result.boundEpisodes(), config.rewardLower(), config.rewardUpper()));
  }
}
