package io.ope4j.ct;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Solves the q×q system Aθ = b of a linear estimator, with its 2-norm condition number from the
 * SVD, and refuses a (numerically) singular one with a message naming the likely cause.
 */
final class LinearSolver {

  /** Condition numbers above this are treated as singular: θ would carry no correct digit past ~4. */
  static final double MAX_CONDITION = 1e12;

  final double[] solution;
  final double condition;
  final double[] inverse;

  private LinearSolver(double[] solution, double condition, double[] inverse) {
    this.solution = solution;
    this.condition = condition;
    this.inverse = inverse;
  }

  /**
   * @param names unknowns' names, for the message
   * @param what e.g. "LSTD"
   * @throws IllegalArgumentException if A is singular or its condition number exceeds 1e12
   */
  static LinearSolver solve(double[] a, double[] b, java.util.List<String> names, String what, long paths) {
    int q = b.length;
    DMatrixRMaj matrix = DMatrixRMaj.wrap(q, q, a.clone());
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(q, q, true, true, false);
    boolean finite = true;
    for (double v : a) {
      finite &= Double.isFinite(v);
    }
    if (!finite || !svd.decompose(matrix.copy())) {
      throw new IllegalArgumentException(what + " system has non-finite entries; check the data for huge values");
    }
    double[] singular = svd.getSingularValues();
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    int minIndex = 0;
    for (int i = 0; i < singular.length; i++) {
      max = Math.max(max, singular[i]);
      if (singular[i] < min) {
        min = singular[i];
        minIndex = i;
      }
    }
    double condition = max / min;
    if (!(condition <= MAX_CONDITION)) {
      DMatrixRMaj v = svd.getV(null, false);
      String suspects = suspects(v, minIndex, names);
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%s system is singular (condition number %.3g over %d paths): the features %s look collinear on"
              + " the data, or there are too few paths/steps to identify them; drop a feature or add data",
          what, condition, paths, suspects));
    }
    DMatrixRMaj inv = new DMatrixRMaj(q, q);
    CommonOps_DDRM.invert(matrix, inv);
    DMatrixRMaj theta = new DMatrixRMaj(q, 1);
    CommonOps_DDRM.mult(inv, DMatrixRMaj.wrap(q, 1, b.clone()), theta);
    return new LinearSolver(theta.getData(), condition, inv.getData());
  }

  /** The unknowns with the largest weight in the right singular vector of the smallest singular value. */
  private static String suspects(DMatrixRMaj v, int column, java.util.List<String> names) {
    int q = v.numRows;
    int best = 0;
    int second = -1;
    for (int i = 1; i < q; i++) {
      if (Math.abs(v.get(i, column)) > Math.abs(v.get(best, column))) {
        second = best;
        best = i;
      } else if (second < 0 || Math.abs(v.get(i, column)) > Math.abs(v.get(second, column))) {
        second = i;
      }
    }
    return second < 0 ? "[" + names.get(best) + "]" : "[" + names.get(best) + ", " + names.get(second) + "]";
  }

  /** A⁻¹ S A⁻ᵀ. */
  double[] sandwich(double[] meat) {
    int q = solution.length;
    DMatrixRMaj inv = DMatrixRMaj.wrap(q, q, inverse);
    DMatrixRMaj tmp = new DMatrixRMaj(q, q);
    DMatrixRMaj out = new DMatrixRMaj(q, q);
    CommonOps_DDRM.mult(inv, DMatrixRMaj.wrap(q, q, meat), tmp);
    CommonOps_DDRM.multTransB(tmp, inv, out);
    return out.getData();
  }
}
