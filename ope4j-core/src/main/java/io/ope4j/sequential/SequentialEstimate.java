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
 */
public record SequentialEstimate(
    String policy, SequentialEstimator estimator, double value, double stderr, Interval interval,
    long episodes) {}
