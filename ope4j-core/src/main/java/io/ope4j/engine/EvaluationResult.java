package io.ope4j.engine;

import io.ope4j.diagnostics.WeightDiagnostics;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one pass over a log.
 *
 * @param rows number of logged rounds read
 * @param estimates one per (policy, estimator), policies in log order, estimators in the order
 *     asked
 * @param diagnostics importance-weight diagnostics per policy, in log order
 * @param warnings overlap warnings for people (also printed on stderr by the CLI)
 */
public record EvaluationResult(
    long rows, List<Estimate> estimates, Map<String, WeightDiagnostics> diagnostics, List<String> warnings) {

  public EvaluationResult {
    estimates = List.copyOf(estimates);
    diagnostics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diagnostics));
    warnings = List.copyOf(warnings);
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
