package io.ope4j.models;

/** Per-feature standardisation {@code (x - mean) / sd}; sd 0 features are centred only. */
record Standardiser(double[] mean, double[] scale) implements java.io.Serializable {
  static Standardiser of(double[] x, int dim, int n) {
    double[] mean = new double[dim];
    double[] scale = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        mean[j] += x[i * dim + j];
      }
    }
    for (int j = 0; j < dim; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        double d = x[i * dim + j] - mean[j];
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < dim; j++) {
      double sd = Math.sqrt(scale[j] / n);
      scale[j] = sd > 0 ? 1.0 / sd : 1.0;
    }
    return new Standardiser(mean, scale);
  }

  double[] apply(double[] x, int rows) {
    int dim = mean.length;
    double[] out = new double[rows * dim];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < dim; j++) {
        out[i * dim + j] = (x[i * dim + j] - mean[j]) * scale[j];
      }
    }
    return out;
  }
}
