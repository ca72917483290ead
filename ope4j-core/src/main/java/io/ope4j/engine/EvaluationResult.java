package io.ope4j.engine;

import io.ope4j.diagnostics.WeightDiagnostics;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one pass over a log, with the configuration that produced it, so that a report
 * of the result (e.g. the formats.md JSON) needs nothing else.
 *
 * @param rows number of logged rounds read
 * @param estimates one per (policy, estimator), policies in log order, estimators in the order
 *     asked
 * @param diagnostics importance-weight diagnostics per policy, in log order
 * @param warnings overlap warnings for people (also printed on stderr by the CLI)
 * @param config the estimators, interval method, level, bootstrap and seed used; null when the
 *     result was assembled by hand without one (see {@link #withConfig})
 *
 * <p>Two results are equal when their numbers and their configurations apart from the thread
 * count are: the thread count never changes a number.
 */
public record EvaluationResult(
    long rows,
    List<Estimate> estimates,
    Map<String, WeightDiagnostics> diagnostics,
    List<String> warnings,
    EvaluationConfig config) {

  public EvaluationResult {
    estimates = List.copyOf(estimates);
    diagnostics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diagnostics));
    warnings = List.copyOf(warnings);
  }

  /** A result without its configuration (attach it with {@link #withConfig}). */
  public EvaluationResult(
      long rows, List<Estimate> estimates, Map<String, WeightDiagnostics> diagnostics, List<String> warnings) {
    this(rows, estimates, diagnostics, warnings, null);
  }

  /** The same numbers, recorded as produced by {@code producedBy}. */
  public EvaluationResult withConfig(EvaluationConfig producedBy) {
    return new EvaluationResult(rows, estimates, diagnostics, warnings, producedBy);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EvaluationResult that && rows == that.rows && estimates.equals(that.estimates)
        && diagnostics.equals(that.diagnostics) && warnings.equals(that.warnings)
        && java.util.Objects.equals(withoutThreads(config), withoutThreads(that.config));
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(rows, estimates, diagnostics, warnings, withoutThreads(config));
  }

  private static EvaluationConfig withoutThreads(EvaluationConfig config) {
    return config == null ? null : config.withThreads(1);
  }

  /** The estimate of {@code policy} by {@code estimatorSpec}; throws if there is none. */
  public Estimate estimate(String policy, String estimatorSpec) {
    for (Estimate estimate : estimates) {
      if (estimate.policy().equals(policy) && estimate.estimator().equals(estimatorSpec)) {
        return estimate;
      }
    }
    throw new IllegalArgumentException("no estimate of " + policy + " by " + estimatorSpec);
  }
}
