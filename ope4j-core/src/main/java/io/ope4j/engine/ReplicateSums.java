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
   * Adds rows {@code [0, length)}: row {@code i}'s multiplicities are {@code multiplicities[i *
   * replicates + b]}.
   */
  void addBlock(byte[] multiplicities, double[] y, double[] x, double[] d, int length) {
    add(sumX, multiplicities, x, length);
    if (sumD != null) {
      add(sumD, multiplicities, d, length);
    }
    if (sumY != null) {
      add(sumY, multiplicities, y, length);
    }
  }

  // The inner loop runs over replicates with the row's term fixed: independent sums, which the
  // JIT vectorises (no floating-point reduction to keep in order).
  private void add(double[] sums, byte[] multiplicities, double[] terms, int length) {
    int n = replicates;
    for (int i = 0; i < length; i++) {
      double term = terms[i];
      int base = i * n;
      for (int b = 0; b < n; b++) {
        sums[b] += multiplicities[base + b] * term;
      }
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
