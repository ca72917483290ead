package io.ope4j.continuous;

import java.util.List;

/**
 * The estimates of a continuous-action evaluation.
 *
 * @param rows rows read
 * @param layout what the log held
 * @param config what was computed
 * @param estimates one per configured estimator, in order
 * @param warnings about the weights (low effective sample size, a mean weight far from 1)
 */
public record ContinuousResult(long rows, ContinuousLayout layout, ContinuousConfig config,
    List<ContinuousEstimate> estimates, List<String> warnings) {

  public ContinuousResult {
    estimates = List.copyOf(estimates);
    warnings = List.copyOf(warnings);
  }

  /** The estimate of the estimator with this spec. */
  public ContinuousEstimate estimate(String spec) {
    for (ContinuousEstimate estimate : estimates) {
      if (estimate.estimator().equals(spec)) {
        return estimate;
      }
    }
    throw new IllegalArgumentException("no estimate of " + spec);
  }
}
