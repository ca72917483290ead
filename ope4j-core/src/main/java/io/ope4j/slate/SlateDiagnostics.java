package io.ope4j.slate;

import java.util.List;

/**
 * What a slate evaluation saw of its weights and rewards.
 *
 * @param weights one summary per kind of weight the estimators read
 * @param rewardSums the sum of the logged rewards at each position
 */
public record SlateDiagnostics(List<WeightSummary> weights, double[] rewardSums) {

  public SlateDiagnostics {
    weights = List.copyOf(weights);
  }

  /**
   * Summaries of one kind of weight, per position ({@code slate}, the joint weight, has one
   * entry).
   *
   * @param kind {@code slate}, {@code item_position} or {@code cascade}
   * @param mean mean weight (1 in expectation when the propensities are right)
   * @param min smallest weight
   * @param max largest weight
   * @param ess Kish's effective sample size {@code (sum w)^2 / sum w^2}
   * @param zeroShare share of slates whose weight is 0
   */
  public record WeightSummary(String kind, double[] mean, double[] min, double[] max, double[] ess,
      double[] zeroShare) {}
}
