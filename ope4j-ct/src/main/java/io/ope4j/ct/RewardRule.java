package io.ope4j.ct;

import io.ope4j.ct.quadrature.QuadratureRule;

/**
 * How the running reward is integrated over one TD transition (continuous_time.md §3, §5): a
 * transition spans {@code window} sampling steps, and R = Σ_j w_j e^{-β(t_j - t_a)} r_j over its
 * nodes with the weights of {@code rule}. One step allows only left (R = r_kΔt) or trapezoid (R
 * = (Δt/2)(r_k + g r_{k+1})); Simpson needs an even window, Bayesian quadrature a window ≥ 2.
 * Left and trapezoid accept any spacing; Simpson and Bayesian quadrature need equispaced times
 * inside a window. A shorter last window of a path uses the trapezoid rule (left when the rule is
 * left). Bayesian quadrature with the Wiener kernel equals the trapezoid and is computed as such.
 */
public record RewardRule(QuadratureRule rule, int window) {

  public RewardRule {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1 step, got " + window);
    }
    if (!rule.isSingleStep() && !rule.id().equals("bq-wiener")) {
      if (window < 2) {
        throw new IllegalArgumentException(rule.id() + " needs transitions spanning several samples: use a window >= 2");
      }
      rule.checkNodeCount(window + 1);
    }
  }

  public static RewardRule left() {
    return new RewardRule(QuadratureRule.left(), 1);
  }

  public static RewardRule trapezoid() {
    return new RewardRule(QuadratureRule.trapezoid(), 1);
  }

  boolean isLeft() {
    return rule.id().equals("left");
  }

  /** Whether the composite left/trapezoid formula applies to every window. */
  boolean isComposite() {
    return rule.isSingleStep() || rule.id().equals("bq-wiener");
  }
}
