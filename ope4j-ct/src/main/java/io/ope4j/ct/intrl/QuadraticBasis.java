package io.ope4j.ct.intrl;

/**
 * Quadratic features φ_k(x) = x_{i_k} x_{j_k} for a list of index pairs: {@link #upperTriangle(int)}
 * gives x_i x_j for i ≤ j (Cao &amp; Pan 2024, Example 2's [x₁², x₁x₂, x₂²]), the value family
 * behind the sin system's simulated feedback.
 */
public final class QuadraticBasis {

  private final int dim;
  private final int[] first;
  private final int[] second;

  private QuadraticBasis(int dim, int[] first, int[] second) {
    this.dim = dim;
    this.first = first;
    this.second = second;
  }

  /** φ = (x_i x_j)_{i ≤ j} in row order: for n = 2, [x₁², x₁x₂, x₂²]. */
  public static QuadraticBasis upperTriangle(int dim) {
    int size = dim * (dim + 1) / 2;
    int[] first = new int[size];
    int[] second = new int[size];
    int k = 0;
    for (int i = 0; i < dim; i++) {
      for (int j = i; j < dim; j++) {
        first[k] = i;
        second[k++] = j;
      }
    }
    return new QuadraticBasis(dim, first, second);
  }

  public int size() {
    return first.length;
  }

  public int dim() {
    return dim;
  }

  public void values(double[] x, double[] out) {
    for (int k = 0; k < first.length; k++) {
      out[k] = x[first[k]] * x[second[k]];
    }
  }

  /** ∇_x(wᵀφ) into {@code out}: Σ_k w_k (x_j e_i + x_i e_j). */
  public void valueGradient(double[] w, double[] x, double[] out) {
    java.util.Arrays.fill(out, 0, dim, 0.0);
    for (int k = 0; k < first.length; k++) {
      out[first[k]] += w[k] * x[second[k]];
      out[second[k]] += w[k] * x[first[k]];
    }
  }
}
