package io.ope4j.ct;

import java.util.List;

/**
 * Monomials x₁^{a₁}…x_d^{a_d} τ^b t^c: polynomial features in the state, the time-to-go and the
 * time, e.g. G2's basis {x², x²τ, τ, τ², 1} (continuous_time.md §6). Immutable.
 */
final class MonomialFeatures implements Features {

  private final int dim;
  private final int[][] stateExponents;
  private final int[] tauExponents;
  private final int[] timeExponents;
  private final List<String> names;
  private final boolean time;

  /**
   * @param stateExponents per feature, the exponent of each state coordinate
   * @param tauExponents per feature, the exponent of τ
   * @param timeExponents per feature, the exponent of t
   * @param names one name per feature
   */
  public MonomialFeatures(int[][] stateExponents, int[] tauExponents, int[] timeExponents, List<String> names) {
    int p = stateExponents.length;
    if (p == 0 || tauExponents.length != p || timeExponents.length != p || names.size() != p) {
      throw new IllegalArgumentException("monomial features need the same number (>= 1) of exponents and names");
    }
    this.dim = stateExponents[0].length;
    this.stateExponents = new int[p][];
    boolean anyTime = false;
    for (int k = 0; k < p; k++) {
      if (stateExponents[k].length != dim) {
        throw new IllegalArgumentException("every monomial needs " + dim + " state exponents");
      }
      this.stateExponents[k] = stateExponents[k].clone();
      anyTime |= tauExponents[k] != 0 || timeExponents[k] != 0;
    }
    this.tauExponents = tauExponents.clone();
    this.timeExponents = timeExponents.clone();
    this.names = List.copyOf(names);
    this.time = anyTime;
  }

  @Override
  public int size() {
    return stateExponents.length;
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public boolean dependsOnTime() {
    return time;
  }

  @Override
  public void values(double t, double tau, double[] x, int xOffset, double[] out, int outOffset) {
    for (int k = 0; k < stateExponents.length; k++) {
      int[] exponents = stateExponents[k];
      double v = power(tau, tauExponents[k]) * power(t, timeExponents[k]);
      for (int i = 0; i < dim; i++) {
        v *= power(x[xOffset + i], exponents[i]);
      }
      out[outOffset + k] = v;
    }
  }

  private static double power(double base, int exponent) {
    double v = 1;
    for (int e = 0; e < exponent; e++) {
      v *= base;
    }
    return v;
  }
}
