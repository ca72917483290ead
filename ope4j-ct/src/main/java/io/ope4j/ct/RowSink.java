package io.ope4j.ct;

/** Receives the rows (ξ, z, y) of a linear estimating equation Σ ξ(y - zᵀθ) = 0, path by path. */
interface RowSink {

  /** One row; the arrays are scratch, valid during the call. */
  void row(double[] xi, double[] z, double y);

  /** The current path is complete. */
  void endPath();
}
