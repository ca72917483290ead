package io.ope4j.ct.intrl;

/**
 * ẋ = Ax + Bu with cost xᵀQx + Ru²: Cao &amp; Pan's (ICLR 2024) Example 1 is {@link #example1()}.
 * Linear feedback u = -Kx gives the closed loop ẋ = (A - BK)x, sampled exactly by the matrix
 * exponential.
 */
public record LinearControlSystem(double[][] a, double[] b, double[][] q, double r) implements ControlAffineSystem {

  /**
   * Example 1 of Cao &amp; Pan (ICLR 2024, §5; continuous_time.md §6 IntRL): the third-order system
   * A = [[0,1,0],[0,0,1],[-0.1,-0.5,-0.7]], B = [0,0,1]ᵀ, Q = I₃, R = 1.
   */
  public static LinearControlSystem example1() {
    return new LinearControlSystem(
        new double[][] {{0, 1, 0}, {0, 0, 1}, {-0.1, -0.5, -0.7}},
        new double[] {0, 0, 1},
        Matrices.identity(3),
        1.0);
  }

  @Override
  public int dim() {
    return a.length;
  }

  @Override
  public void drift(double[] x, double[] out) {
    for (int i = 0; i < a.length; i++) {
      double sum = 0;
      for (int j = 0; j < a.length; j++) {
        sum += a[i][j] * x[j];
      }
      out[i] = sum;
    }
  }

  @Override
  public void inputGain(double[] x, double[] out) {
    System.arraycopy(b, 0, out, 0, b.length);
  }

  @Override
  public double[][] stateCost() {
    return q;
  }

  @Override
  public double inputCost() {
    return r;
  }

  /** The optimal cost matrix P*: the stabilising solution of the algebraic Riccati equation. */
  public double[][] optimalCostMatrix() {
    return Matrices.riccati(a, b, q, r, new double[a.length]);
  }

  /** K* = R⁻¹BᵀP* (Kleinman 1968). */
  public double[] optimalGain() {
    double[][] p = optimalCostMatrix();
    double[] k = new double[a.length];
    for (int j = 0; j < k.length; j++) {
      for (int i = 0; i < k.length; i++) {
        k[j] += b[i] * p[i][j] / r;
      }
    }
    return k;
  }

  /** The cost matrix of the gain K: (A-BK)ᵀP + P(A-BK) + Q + KᵀRK = 0. */
  public double[][] costMatrix(double[] gain) {
    int n = a.length;
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cost[i][j] = q[i][j] + gain[i] * r * gain[j];
      }
    }
    return Matrices.lyapunov(Matrices.closedLoop(a, b, gain), cost);
  }
}
