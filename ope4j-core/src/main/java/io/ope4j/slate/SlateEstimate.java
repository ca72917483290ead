package io.ope4j.slate;

import io.ope4j.interval.Interval;

/**
 * One estimator's estimate of the expected slate reward (the sum over positions).
 *
 * @param estimator the estimator
 * @param value the estimate: the sum of {@code positionValues}
 * @param stderr its standard error (delta method for the self-normalised ones); NaN for fewer
 *     than 2 slates
 * @param interval its interval
 * @param positionValues the estimate of each position's expected reward
 * @param positionStderrs their standard errors
 * @param replicateMean the mean of the bootstrap replicate estimates (NaN without bootstrap)
 * @param slates slates evaluated
 */
public record SlateEstimate(SlateEstimator estimator, double value, double stderr,
    Interval interval, double[] positionValues, double[] positionStderrs, double replicateMean,
    long slates) {}
