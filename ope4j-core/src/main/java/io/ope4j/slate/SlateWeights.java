package io.ope4j.slate;

import io.ope4j.internal.stats.CompensatedSum;

/**
 * One-pass summaries of one kind of slate weight, per position (the joint slate weight has one
 * value per slate, kept as position 0): count, compensated sums of w and w^2, extremes and the
 * number of zero weights. Mutable, one thread; merged in any order up to rounding.
 */
final class SlateWeights implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  private final int positions;
  private long count;
  private final CompensatedSum[] sum;
  private final CompensatedSum[] sumSquares;
  private final double[] min;
  private final double[] max;
  private final long[] zeros;

  SlateWeights(int positions) {
    this.positions = positions;
    this.sum = new CompensatedSum[positions];
    this.sumSquares = new CompensatedSum[positions];
    this.min = new double[positions];
    this.max = new double[positions];
    this.zeros = new long[positions];
    for (int l = 0; l < positions; l++) {
      sum[l] = new CompensatedSum();
      sumSquares[l] = new CompensatedSum();
      min[l] = Double.POSITIVE_INFINITY;
      max[l] = Double.NEGATIVE_INFINITY;
    }
  }

  /** Adds the weights of {@code slates} slates, {@code weights[s * stride + l]}. */
  void add(double[] weights, int slates, int stride) {
    count += slates;
    for (int l = 0; l < positions; l++) {
      double s = 0.0;
      double s2 = 0.0;
      double lo = min[l];
      double hi = max[l];
      long zero = 0;
      for (int i = 0; i < slates; i++) {
        double w = weights[i * stride + l];
        s += w;
        s2 += w * w;
        lo = Math.min(lo, w);
        hi = Math.max(hi, w);
        zero += w == 0.0 ? 1 : 0;
      }
      sum[l].add(s);
      sumSquares[l].add(s2);
      min[l] = lo;
      max[l] = hi;
      zeros[l] += zero;
    }
  }

  void merge(SlateWeights other) {
    count += other.count;
    for (int l = 0; l < positions; l++) {
      sum[l].add(other.sum[l]);
      sumSquares[l].add(other.sumSquares[l]);
      min[l] = Math.min(min[l], other.min[l]);
      max[l] = Math.max(max[l], other.max[l]);
      zeros[l] += other.zeros[l];
    }
  }

  /** The summary, one entry per position. */
  SlateDiagnostics.WeightSummary summary(String kind) {
    double[] mean = new double[positions];
    double[] ess = new double[positions];
    double[] zeroShare = new double[positions];
    for (int l = 0; l < positions; l++) {
      double s = sum[l].value();
      mean[l] = s / count;
      // Kish's effective sample size (sum w)^2 / sum w^2.
      ess[l] = s * s / sumSquares[l].value();
      zeroShare[l] = (double) zeros[l] / count;
    }
    return new SlateDiagnostics.WeightSummary(kind, mean, min.clone(), max.clone(), ess,
        zeroShare);
  }
}
