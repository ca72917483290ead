package io.ope4j.engine;

/**
 * Poisson-bootstrap state of one estimator for one policy: per replicate {@code b}, the sums of
 * {@code m_b * y}, {@code m_b * x} and {@code m_b * d} over rows with multiplicity {@code m_b}.
 * Divided by the replicate's total multiplicity ({@link ChunkAccumulator}) they give the
 * replicate's estimate; self-normalised estimators are renormalised inside every replicate.
 */
final class ReplicateSums implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final int replicates;
  private final double[] sumX;
  private final double[] sumD;
  private final double[] sumY;

  ReplicateSums(int replicates, boolean selfNormalized, boolean hasModelTerm) {
    this.replicates = replicates;
    this.sumX = new double[replicates];
    this.sumD = selfNormalized ? new double[replicates] : null;
    this.sumY = selfNormalized && hasModelTerm ? new double[replicates] : null;
  }

  /**
   * Adds one row with multiplicities {@code m[0..B)} and terms {@code (y, x, d)} (unused ones
   * ignored). Each loop runs over replicates of doubles with the row's term fixed: independent
   * sums, which the JIT vectorises.
   */
  void addRow(double[] m, double y, double x, double d) {
    add(sumX, m, x);
    if (sumD != null) {
      add(sumD, m, d);
    }
    if (sumY != null) {
      add(sumY, m, y);
    }
  }

  private void add(double[] sums, double[] m, double term) {
    for (int b = 0; b < replicates; b++) {
      sums[b] += m[b] * term;
    }
  }

  void merge(ReplicateSums other) {
    addAll(sumX, other.sumX);
    if (sumD != null) {
      addAll(sumD, other.sumD);
    }
    if (sumY != null) {
      addAll(sumY, other.sumY);
    }
  }

  private static void addAll(double[] into, double[] from) {
    for (int b = 0; b < into.length; b++) {
      into[b] += from[b];
    }
  }

  /** The replicate estimates, given each replicate's total multiplicity. */
  double[] estimates(double[] totalMultiplicity) {
    double[] values = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      double total = totalMultiplicity[b];
      double value = sumD == null ? sumX[b] / total : sumX[b] / sumD[b];
      if (sumY != null) {
        value += sumY[b] / total;
      }
      values[b] = value;
    }
    return values;
  }
}
