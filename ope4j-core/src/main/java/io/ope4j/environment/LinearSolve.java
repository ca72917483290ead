package io.ope4j.environment;

/** Dense linear solves for small systems (Gaussian elimination with partial pivoting). */
public final class LinearSolve {

  private LinearSolve() {}

  /**
   * Solves {@code a x = b} for a square {@code a} given as an n x (n+1) augmented matrix (the last
   * column is b), which it overwrites.
   *
   * @throws IllegalArgumentException if the matrix is singular
   */
  public static double[] solveAugmented(double[][] a) {
    int n = a.length;
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      if (a[pivot][c] == 0.0) {
        throw new IllegalArgumentException("singular system at column " + c);
      }
      double[] swap = a[c];
      a[c] = a[pivot];
      a[pivot] = swap;
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int k = c; k <= n; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int r = 0; r < n; r++) {
      x[r] = a[r][n] / a[r][r];
    }
    return x;
  }
}
