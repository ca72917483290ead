package io.ope4j.decision;

import io.ope4j.diagnostics.WeightDiagnostics;

/**
 * When the log supports a policy too thinly for the gate to decide. A policy is refused when
 * any of these holds for its importance weights:
 *
 * <ul>
 *   <li>Kish's effective sample size is below {@code minEss};
 *   <li>the share of rows where the policy gives the logged action probability 0 is above
 *       {@code maxZeroShare} (the estimate then rests on the few other rows);
 *   <li>the mean weight is more than {@code meanWeightZ} standard errors from 1: {@code E[w] = 1}
 *       when the propensities are right and the logging policy covers every action the policy
 *       takes, so a mean weight far from 1 means wrong propensities or missing support.
 * </ul>
 *
 * @param minEss smallest effective sample size, {@code >= 0}
 * @param maxZeroShare largest share of zero-weight rows, in [0, 1]
 * @param meanWeightZ largest distance of the mean weight from 1, in standard errors, {@code > 0}
 */
public record SupportRule(double minEss, double maxZeroShare, double meanWeightZ) {

  /** 100 effective rows, 95% zero-weight rows, and the evaluation's own warning, 4 standard errors. */
  public static final SupportRule DEFAULT = new SupportRule(100, 0.95, WeightDiagnostics.MEAN_WEIGHT_Z);

  /** @throws IllegalArgumentException on a value outside the documented range */
  public SupportRule {
    if (!(minEss >= 0) || !(maxZeroShare >= 0 && maxZeroShare <= 1) || !(meanWeightZ > 0)) {
      throw new IllegalArgumentException("support rule: need min ESS >= 0, max zero share in [0, 1] and a"
          + " positive mean-weight z; got " + minEss + ", " + maxZeroShare + ", " + meanWeightZ);
    }
  }

  /** Why {@code policy} is too thinly supported, or null when it is not. */
  public String refusal(String policy, WeightDiagnostics weights) {
    if (!(weights.effectiveSampleSize() >= minEss)) {
      return String.format("policy %s: effective sample size %.4g is below %.4g", policy,
          weights.effectiveSampleSize(), minEss);
    }
    if (weights.zeroProbabilityShare() > maxZeroShare) {
      return String.format("policy %s: %.1f%% of the rows give the logged action probability 0 (at most %.1f%% allowed)",
          policy, 100 * weights.zeroProbabilityShare(), 100 * maxZeroShare);
    }
    double z = (weights.meanWeight() - 1) / weights.meanWeightStderr();
    if (Math.abs(z) > meanWeightZ || weights.meanWeightStderr() == 0 && weights.meanWeight() != 1) {
      return String.format("policy %s: mean importance weight %.6g is %.1f standard errors from 1 (at most %.1f"
          + " allowed): wrong propensities, or actions the logging policy never takes", policy, weights.meanWeight(),
          Math.abs(z), meanWeightZ);
    }
    return null;
  }
}
