package io.ope4j.ct;

/**
 * The one-pass state of a linear estimating equation: A = Σ ξ zᵀ and b = Σ ξ y over all rows,
 * so that θ solves Aθ = b (LSTD: Bradtke &amp; Barto, MLJ 1996, eq. 10; Jia &amp; Zhou, JMLR 2022,
 * §4.2; continuous_time.md §4). Rows are added plainly within blocks of {@value #BLOCK} and blocks
 * are combined with Neumaier compensation (design.md: this keeps 10^9-row sums exact to the
 * last digits at the speed of a plain loop). Mergeable: merging in a fixed order gives the same
 * bits on any number of threads. Not thread-safe.
 */
final class EquationSums implements RowSink {

  static final int BLOCK = 1024;

  final int q;
  private final double[] blockA;
  private final double[] blockB;
  private int blockRows;
  private final double[] sumA;
  private final double[] compA;
  private final double[] sumB;
  private final double[] compB;
  long rows;
  long paths;
  double minStep = Double.POSITIVE_INFINITY;
  double maxStep;
  double sumSteps;
  long stepCount;

  EquationSums(int q) {
    this.q = q;
    blockA = new double[q * q];
    blockB = new double[q];
    sumA = new double[q * q];
    compA = new double[q * q];
    sumB = new double[q];
    compB = new double[q];
  }

  @Override
  public void row(double[] xi, double[] z, double y) {
    final int n = q;
    final double[] a = blockA;
    for (int i = 0; i < n; i++) {
      double xiI = xi[i];
      int base = i * n;
      for (int j = 0; j < n; j++) {
        a[base + j] += xiI * z[j];
      }
      blockB[i] += xiI * y;
    }
    rows++;
    if (++blockRows == BLOCK) {
      flush();
    }
  }

  @Override
  public void endPath() {
    paths++;
  }

  void steps(double min, double max, double sum, long count) {
    minStep = Math.min(minStep, min);
    maxStep = Math.max(maxStep, max);
    sumSteps += sum;
    stepCount += count;
  }

  private void flush() {
    addCompensated(sumA, compA, blockA);
    addCompensated(sumB, compB, blockB);
    java.util.Arrays.fill(blockA, 0.0);
    java.util.Arrays.fill(blockB, 0.0);
    blockRows = 0;
  }

  /** sum += values with Neumaier's compensation, element-wise. */
  private static void addCompensated(double[] sum, double[] comp, double[] values) {
    for (int i = 0; i < sum.length; i++) {
      double s = sum[i];
      double x = values[i];
      double t = s + x;
      comp[i] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
      sum[i] = t;
    }
  }

  /** Adds {@code other} (which is flushed and left unusable) into this. */
  void merge(EquationSums other) {
    other.flush();
    flush();
    addCompensated(sumA, compA, other.sumA);
    addCompensated(sumA, compA, other.compA);
    addCompensated(sumB, compB, other.sumB);
    addCompensated(sumB, compB, other.compB);
    rows += other.rows;
    paths += other.paths;
    minStep = Math.min(minStep, other.minStep);
    maxStep = Math.max(maxStep, other.maxStep);
    sumSteps += other.sumSteps;
    stepCount += other.stepCount;
  }

  /** A (row-major q×q), after flushing. */
  double[] matrix() {
    flush();
    double[] a = new double[q * q];
    for (int i = 0; i < a.length; i++) {
      a[i] = sumA[i] + compA[i];
    }
    return a;
  }

  double[] vector() {
    flush();
    double[] b = new double[q];
    for (int i = 0; i < q; i++) {
      b[i] = sumB[i] + compB[i];
    }
    return b;
  }
}
