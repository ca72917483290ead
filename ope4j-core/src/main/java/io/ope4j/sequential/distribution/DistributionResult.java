package io.ope4j.sequential.distribution;

import java.util.List;

/**
 * The estimated return distributions of every policy by every estimator.
 *
 * @param episodes the episodes they rest on
 * @param grid the points the CDFs are given at
 * @param distributions per policy, per estimator (policy-major, in the config's estimator order)
 * @param warnings what the reader should know (e.g. a CDF undefined because every weight is 0)
 */
public record DistributionResult(int episodes, ReturnGrid grid,
    List<ReturnDistribution> distributions, List<String> warnings) {

  public DistributionResult {
    distributions = List.copyOf(distributions);
    warnings = List.copyOf(warnings);
  }

  /** The distribution of {@code policy} by {@code estimator}. */
  public ReturnDistribution get(String policy, DistributionEstimator estimator) {
    for (ReturnDistribution d : distributions) {
      if (d.policy().equals(policy) && d.estimator() == estimator) {
        return d;
      }
    }
    throw new IllegalArgumentException("no " + estimator.id() + " distribution of " + policy);
  }
}
