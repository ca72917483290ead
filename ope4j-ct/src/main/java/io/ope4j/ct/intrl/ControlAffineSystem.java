package io.ope4j.ct.intrl;

/**
 * A single-input control-affine system ẋ = f(x) + g(x)u with running cost l = xᵀQx + Ru²,
 * the setting of integral reinforcement learning (Vrabie &amp; Lewis, Neural Networks 22, 2009;
 * Cao &amp; Pan, ICLR 2024, eq. 1). Implementations are immutable and thread-safe.
 */
public interface ControlAffineSystem {

  int dim();

  /** Writes f(x) into {@code out}. */
  void drift(double[] x, double[] out);

  /** Writes g(x) into {@code out}. */
  void inputGain(double[] x, double[] out);

  /** The state-cost matrix Q (not modified by callers). */
  double[][] stateCost();

  /** The input-cost weight R &gt; 0. */
  double inputCost();

  /** l(x, u) = xᵀQx + Ru² (Cao &amp; Pan 2024, eq. 1). */
  default double cost(double[] x, double u) {
    double[][] q = stateCost();
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        sum += x[i] * q[i][j] * x[j];
      }
    }
    return sum + inputCost() * u * u;
  }
}
