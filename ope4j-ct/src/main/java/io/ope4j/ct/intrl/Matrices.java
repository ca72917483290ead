package io.ope4j.ct.intrl;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Small dense matrix tools for linear–quadratic control: the matrix exponential, the continuous
 * Lyapunov equation and the continuous algebraic Riccati equation. Matrices are row-major {@code
 * double[n][n]}; nothing here is on a hot path.
 */
public final class Matrices {

  private Matrices() {}

  /**
   * e^{M} by scaling and squaring with a Taylor series (Moler &amp; Van Loan, SIAM Rev. 2003,
   * "Nineteen dubious ways", method 3): M is scaled by 2^-s so that ‖M‖₁ ≤ 1/2, the series is
   * summed to 20 terms (remainder below 1e-25) and squared s times.
   */
  public static double[][] exp(double[][] m) {
    int n = m.length;
    double norm = 0;
    for (int j = 0; j < n; j++) {
      double column = 0;
      for (int i = 0; i < n; i++) {
        column += Math.abs(m[i][j]);
      }
      norm = Math.max(norm, column);
    }
    int squarings = Math.max(0, (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)));
    double scale = Math.scalb(1.0, -squarings);
    double[][] scaled = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scaled[i][j] = m[i][j] * scale;
      }
    }
    double[][] result = identity(n);
    double[][] term = identity(n);
    for (int k = 1; k <= 20; k++) {
      term = multiply(term, scaled);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          term[i][j] /= k;
          result[i][j] += term[i][j];
        }
      }
    }
    for (int s = 0; s < squarings; s++) {
      result = multiply(result, result);
    }
    return result;
  }

  /**
   * The P solving AᵀP + PA + Q = 0 (continuous Lyapunov equation), through the Kronecker form
   * (I⊗Aᵀ + Aᵀ⊗I) vec P = -vec Q (Horn &amp; Johnson, Topics in Matrix Analysis, §4.4).
   *
   * @throws IllegalArgumentException if A has eigenvalues λ_i + λ_j = 0 (no unique solution)
   */
  public static double[][] lyapunov(double[][] a, double[][] q) {
    int n = a.length;
    DMatrixRMaj system = new DMatrixRMaj(n * n, n * n);
    DMatrixRMaj rhs = new DMatrixRMaj(n * n, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int row = i * n + j;
        rhs.set(row, 0, -q[i][j]);
        for (int k = 0; k < n; k++) {
          system.add(row, k * n + j, a[k][i]); // (AᵀP)_ij = Σ_k A_ki P_kj
          system.add(row, i * n + k, a[k][j]); // (PA)_ij = Σ_k P_ik A_kj
        }
      }
    }
    DMatrixRMaj solution = new DMatrixRMaj(n * n, 1);
    if (!CommonOps_DDRM.solve(system, rhs, solution)) {
      throw new IllegalArgumentException("Lyapunov equation has no unique solution (A has eigenvalues summing to 0)");
    }
    double[][] p = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        p[i][j] = solution.get(i * n + j, 0);
      }
    }
    return p;
  }

  /**
   * The stabilising solution of AᵀP + PA - PBR⁻¹BᵀP + Q = 0 for a single input (B a column, R a
   * scalar) by Kleinman's Newton iteration (Kleinman, IEEE TAC 13, 1968): from a stabilising gain
   * K, solve (A-BK)ᵀP + P(A-BK) + Q + KᵀRK = 0 and set K = R⁻¹BᵀP, until K changes by less
   * than 1e-15.
   *
   * @param initialGain a gain K with A - BK stable (e.g. zeros when A is stable)
   */
  public static double[][] riccati(double[][] a, double[] b, double[][] q, double r, double[] initialGain) {
    int n = a.length;
    double[] gain = initialGain.clone();
    double[][] p = null;
    for (int iteration = 0; iteration < 100; iteration++) {
      double[][] closed = closedLoop(a, b, gain);
      double[][] cost = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          cost[i][j] = q[i][j] + gain[i] * r * gain[j];
        }
      }
      p = lyapunov(closed, cost);
      double change = 0;
      for (int j = 0; j < n; j++) {
        double next = 0;
        for (int i = 0; i < n; i++) {
          next += b[i] * p[i][j] / r;
        }
        change = Math.max(change, Math.abs(next - gain[j]));
        gain[j] = next;
      }
      if (change < 1e-15) {
        break;
      }
    }
    return p;
  }

  /** A - B K for a single input. */
  public static double[][] closedLoop(double[][] a, double[] b, double[] gain) {
    int n = a.length;
    double[][] closed = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        closed[i][j] = a[i][j] - b[i] * gain[j];
      }
    }
    return closed;
  }

  public static double[][] identity(int n) {
    double[][] id = new double[n][n];
    for (int i = 0; i < n; i++) {
      id[i][i] = 1;
    }
    return id;
  }

  public static double[][] multiply(double[][] x, double[][] y) {
    int n = x.length;
    int m = y[0].length;
    int inner = y.length;
    double[][] product = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < inner; k++) {
        double xik = x[i][k];
        for (int j = 0; j < m; j++) {
          product[i][j] += xik * y[k][j];
        }
      }
    }
    return product;
  }

  /** y = M x. */
  public static double[] apply(double[][] m, double[] x) {
    double[] y = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      double sum = 0;
      for (int j = 0; j < x.length; j++) {
        sum += m[i][j] * x[j];
      }
      y[i] = sum;
    }
    return y;
  }
}
