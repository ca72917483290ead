package io.ope4j.engine;

import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.interval.Interval;

/**
 * One estimator's estimate of one policy's value.
 *
 * @param policy evaluation policy name
 * @param estimator estimator spec, e.g. {@code dr:clip=100}
 * @param value the point estimate
 * @param stderr its standard error (delta method for self-normalised estimators); NaN with
 *     fewer than two rows
 * @param interval the confidence interval
 * @param alteredRows rows whose importance weight the estimator clipped or switched off
 * @param weights the policy's importance-weight diagnostics
 * @param selected for a tuned estimator, the spec of the candidate chosen from the data (e.g.
 *     {@code switch-dr:lambda=10}); null otherwise
 */
public record Estimate(
    String policy,
    String estimator,
    double value,
    double stderr,
    Interval interval,
    long alteredRows,
    WeightDiagnostics weights,
    String selected) {}
