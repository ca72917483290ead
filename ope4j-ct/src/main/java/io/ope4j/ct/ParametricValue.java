package io.ope4j.ct;

import java.util.List;

/**
 * A differentiable parametric value family J^θ(t, x) for the gradient algorithms (online TD,
 * GTD2, the martingale loss by gradient steps; Jia &amp; Zhou, JMLR 2022, §4). Implementations must
 * be pure functions of their arguments (thread-safe) and allocate nothing in {@link
 * #valueAndGradient}.
 */
public interface ParametricValue {

  int parameterCount();

  List<String> parameterNames();

  /** Whether J depends on t or τ (not allowed in the stationary settings). */
  boolean dependsOnTime();

  /**
   * Returns J^θ(t, x) and writes ∇_θ J^θ(t, x) into {@code gradient[0, parameterCount())}.
   *
   * @param tau time-to-go T - t (finite horizon), else 0
   */
  double valueAndGradient(double[] theta, double t, double tau, double[] x, int xOffset, double[] gradient);

  /** A linear family θᵀφ. */
  static ParametricValue linear(Features features) {
    return new LinearValue(features);
  }
}
