package io.ope4j.sequential;

import java.util.List;

/** The estimates of every (policy, estimator) pair, policy-major, and each policy's diagnostics. */
public record SequentialResult(
    long episodes, List<SequentialEstimate> estimates, List<StepDiagnostics> diagnostics) {

  public SequentialResult {
    estimates = List.copyOf(estimates);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Every policy's {@link StepDiagnostics#warnings}, policy by policy, then one line per estimate
   * whose interval had to be made unbounded.
   */
  public List<String> warnings() {
    List<String> warnings = new java.util.ArrayList<>();
    for (StepDiagnostics policy : diagnostics) {
      warnings.addAll(policy.warnings());
    }
    for (SequentialEstimate estimate : estimates) {
      if (estimate.interval().floor() != null) {
        warnings.add("estimator " + estimate.estimator().id() + " on policy " + estimate.policy()
            + ": every trajectory value is equal, so the log says nothing about their spread; the"
            + " interval is unbounded");
      }
    }
    return warnings;
  }

  /** The estimate of {@code estimator} for {@code policy}. */
  public SequentialEstimate get(String policy, SequentialEstimator estimator) {
    for (SequentialEstimate estimate : estimates) {
      if (estimate.policy().equals(policy) && estimate.estimator() == estimator) {
        return estimate;
      }
    }
    throw new IllegalArgumentException("no estimate of " + estimator.id() + " for " + policy);
  }
}
