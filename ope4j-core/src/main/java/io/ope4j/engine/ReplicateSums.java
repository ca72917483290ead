package io.ope4j.engine;

/**
 * Poisson-bootstrap state of one estimator for one policy: per replicate {@code b}, the sums of
 * {@code m_b * y}, {@code m_b * x} and {@code m_b * d} over rows with multiplicity {@code m_b}.
 * Divided by the replicate's total multiplicity ({@link ChunkAccumulator}) they give the
 * replicate's estimate; self-normalised estimators are renormalised inside every replicate.
 *
 * <p>Terms near the largest double (weights near 1e308) would overflow the sums: each component's
 * sums are kept divided by {@code 2^exponent}, raised (exactly, by powers of two) whenever a scaled
 * term would exceed {@code 2^}{@value #TERM_LIMIT_EXPONENT}, which leaves room for 2^60 rows of
 * multiplicity up to 2^3 before a sum could overflow. Ordinary terms never raise it.
 */
final class ReplicateSums implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final int replicates;
  private final double[] sumX;
  private final double[] sumD;
  private final double[] sumY;
  /** The sums of component X, D, Y are those of the terms divided by {@code 2^exponent[0, 1, 2]}. */
  private final int[] exponent = new int[3];

  static final int TERM_LIMIT_EXPONENT = 959;
  private static final double TERM_LIMIT = Math.scalb(1.0, TERM_LIMIT_EXPONENT);

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
    add(sumX, 0, m, x);
    if (sumD != null) {
      add(sumD, 1, m, d);
    }
    if (sumY != null) {
      add(sumY, 2, m, y);
    }
  }

  private void add(double[] sums, int component, double[] m, double term) {
    double scaled = exponent[component] == 0 ? term : Math.scalb(term, -exponent[component]);
    if (Math.abs(scaled) >= TERM_LIMIT && Double.isFinite(term)) {
      raise(sums, component, Math.getExponent(term) - TERM_LIMIT_EXPONENT + 1);
      scaled = Math.scalb(term, -exponent[component]);
    }
    for (int b = 0; b < replicates; b++) {
      sums[b] += m[b] * scaled;
    }
  }

  /** Raises a component's exponent to {@code target} (if higher), rescaling its sums exactly. */
  private void raise(double[] sums, int component, int target) {
    int shift = target - exponent[component];
    if (shift > 0) {
      for (int b = 0; b < replicates; b++) {
        sums[b] = Math.scalb(sums[b], -shift);
      }
      exponent[component] = target;
    }
  }

  void merge(ReplicateSums other) {
    addAll(sumX, 0, other.sumX, other);
    if (sumD != null) {
      addAll(sumD, 1, other.sumD, other);
    }
    if (sumY != null) {
      addAll(sumY, 2, other.sumY, other);
    }
  }

  private void addAll(double[] into, int component, double[] from, ReplicateSums other) {
    raise(into, component, other.exponent[component]);
    int shift = exponent[component] - other.exponent[component];
    for (int b = 0; b < into.length; b++) {
      into[b] += shift == 0 ? from[b] : Math.scalb(from[b], -shift);
    }
  }

  /** The replicate estimates, given each replicate's total multiplicity. */
  double[] estimates(double[] totalMultiplicity) {
    double[] values = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      double total = totalMultiplicity[b];
      double value = sumD == null
          ? Math.scalb(sumX[b] / total, exponent[0])
          : Math.scalb(sumX[b] / sumD[b], exponent[0] - exponent[1]);
      if (sumY != null) {
        value += Math.scalb(sumY[b] / total, exponent[2]);
      }
      values[b] = value;
    }
    return values;
  }
}
