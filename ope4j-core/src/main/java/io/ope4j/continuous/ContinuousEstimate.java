package io.ope4j.continuous;

import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.interval.Interval;

/**
 * One estimator's estimate of the evaluation policy's value on a continuous-action log.
 *
 * @param estimator the estimator's spec
 * @param value the point estimate
 * @param stderr its standard error (delta method for the self-normalised estimator)
 * @param interval the confidence interval
 * @param weights diagnostics of the weights {@code K(u) / h / p_b} of the (chosen) smoothing
 * @param selected for {@code bandwidth=slope}, the chosen candidate's spec; null otherwise
 * @param bootstrapMean with Open Bandit Pipeline's index bootstrap, the mean of its replicates
 *     (as that library reports it); NaN otherwise
 */
public record ContinuousEstimate(String estimator, double value, double stderr, Interval interval,
    WeightDiagnostics weights, String selected, double bootstrapMean) {}
