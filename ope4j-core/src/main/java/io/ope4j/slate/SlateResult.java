package io.ope4j.slate;

import java.util.List;

/**
 * The result of a slate evaluation.
 *
 * @param slates slates read
 * @param length positions per slate
 * @param estimates one per estimator, in the configuration's order
 * @param diagnostics the weights and rewards seen
 * @param warnings what a reader should know (few effective slates, zero normalisers)
 */
public record SlateResult(long slates, int length, List<SlateEstimate> estimates,
    SlateDiagnostics diagnostics, List<String> warnings) {

  public SlateResult {
    estimates = List.copyOf(estimates);
    warnings = List.copyOf(warnings);
  }

  /** The estimate of {@code estimator}, or null if it was not run. */
  public SlateEstimate estimate(SlateEstimator estimator) {
    for (SlateEstimate estimate : estimates) {
      if (estimate.estimator() == estimator) {
        return estimate;
      }
    }
    return null;
  }
}
