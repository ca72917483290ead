package io.ope4j.sequential;

/**
 * Minimises {@code x' A x} over the probability simplex ({@code x >= 0, sum x = 1}) for a
 * symmetric positive semi-definite {@code A}: projected gradient descent with step {@code 1/L}
 * ({@code L} = twice the largest row sum of |A|, a bound on the gradient's Lipschitz constant) and
 * Euclidean projection onto the simplex (Duchi et al. 2008, "Efficient projections onto the
 * l1-ball", Fig. 1). Deterministic; stops when no coordinate moves by more than 1e-13.
 */
final class SimplexQuadratic {

  private static final int MAX_ITERATIONS = 200_000;
  private static final double TOLERANCE = 1e-13;

  private SimplexQuadratic() {}

  static double[] minimise(double[][] a) {
    int n = a.length;
    double lipschitz = 0.0;
    for (double[] row : a) {
      double sum = 0.0;
      for (double value : row) {
        sum += Math.abs(value);
      }
      lipschitz = Math.max(lipschitz, 2 * sum);
    }
    double[] x = new double[n];
    java.util.Arrays.fill(x, 1.0 / n);
    if (lipschitz == 0.0) {
      return x;
    }
    double[] step = new double[n];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      for (int i = 0; i < n; i++) {
        double gradient = 0.0;
        for (int j = 0; j < n; j++) {
          gradient += 2 * a[i][j] * x[j];
        }
        step[i] = x[i] - gradient / lipschitz;
      }
      project(step);
      double moved = 0.0;
      for (int i = 0; i < n; i++) {
        moved = Math.max(moved, Math.abs(step[i] - x[i]));
        x[i] = step[i];
      }
      if (moved <= TOLERANCE) {
        break;
      }
    }
    return x;
  }

  /** Projects {@code y} onto the simplex in place. */
  static void project(double[] y) {
    double[] sorted = y.clone();
    java.util.Arrays.sort(sorted);
    double cumulative = 0.0;
    double threshold = 0.0;
    for (int k = sorted.length - 1; k >= 0; k--) {
      cumulative += sorted[k];
      double candidate = (cumulative - 1.0) / (sorted.length - k);
      if (sorted[k] > candidate) {
        threshold = candidate;
      } else {
        break;
      }
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.max(y[i] - threshold, 0.0);
    }
  }
}
