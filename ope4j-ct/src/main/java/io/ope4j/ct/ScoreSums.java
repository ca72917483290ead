package io.ope4j.ct;

/**
 * The second pass for standard errors: per path the score s = Σ ξ(y - zᵀθ̂), and S = Σ_paths s sᵀ.
 * Paths are independent, so Cov(θ̂) ≈ A⁻¹ S A⁻ᵀ (the cluster-robust sandwich; Liang &amp; Zeger,
 * Biometrika 1986, eq. 2.3 with identity working correlation). Not thread-safe; mergeable.
 */
final class ScoreSums implements RowSink {

  private final int q;
  private final double[] theta;
  private final double[] score;
  final double[] outer;
  long paths;

  ScoreSums(double[] theta) {
    this.q = theta.length;
    this.theta = theta;
    this.score = new double[q];
    this.outer = new double[q * q];
  }

  @Override
  public void row(double[] xi, double[] z, double y) {
    double residual = y;
    for (int j = 0; j < q; j++) {
      residual -= z[j] * theta[j];
    }
    for (int i = 0; i < q; i++) {
      score[i] += xi[i] * residual;
    }
  }

  @Override
  public void endPath() {
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        outer[i * q + j] += score[i] * score[j];
      }
    }
    java.util.Arrays.fill(score, 0.0);
    paths++;
  }

  void merge(ScoreSums other) {
    for (int i = 0; i < outer.length; i++) {
      outer[i] += other.outer[i];
    }
    paths += other.paths;
  }
}
