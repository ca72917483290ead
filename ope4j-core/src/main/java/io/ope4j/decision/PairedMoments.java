package io.ope4j.decision;

import io.ope4j.internal.stats.CompensatedSum;

/**
 * The one-pass state of a paired difference between a candidate and the baseline on the same
 * rows: per row the estimator's terms of both policies, {@code (x_c, d_c)} and {@code (x_b,
 * d_b)} ({@code d = 1} for a plain estimator), folded into their sums, the sums of their ten
 * cross-products, the range of the plain difference {@code x_c - x_b} (checked against a stated
 * term range for the concentration bound), and, with the bootstrap, per replicate the
 * multiplicity-weighted sums of the four components.
 *
 * <p>Plain sums within a block, blocks combined with compensated sums, as the evaluation engine
 * does (design.md, "Data"). Mutable, for one thread at a time; {@link #merge} is associative.
 */
final class PairedMoments implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** Components: the candidate's numerator and normaliser, the baseline's. */
  static final int XC = 0;
  static final int DC = 1;
  static final int XB = 2;
  static final int DB = 3;
  static final int COMPONENTS = 4;

  private long count;
  private final CompensatedSum[] sums = newSums(COMPONENTS);
  /** Cross-products, upper triangle row by row: (0,0), (0,1), ..., (3,3). */
  private final CompensatedSum[] products = newSums(COMPONENTS * (COMPONENTS + 1) / 2);
  /** Range of the plain difference {@code x_c - x_b}. */
  private double minDifference = Double.POSITIVE_INFINITY;
  private double maxDifference = Double.NEGATIVE_INFINITY;
  private final double[][] replicateSums;
  private final double[] block = new double[COMPONENTS + COMPONENTS * (COMPONENTS + 1) / 2];

  /** @param replicates bootstrap replicates to carry, 0 for none */
  PairedMoments(int replicates) {
    replicateSums = replicates > 0 ? new double[COMPONENTS][replicates] : null;
  }

  private static CompensatedSum[] newSums(int n) {
    CompensatedSum[] s = new CompensatedSum[n];
    for (int i = 0; i < n; i++) {
      s[i] = new CompensatedSum();
    }
    return s;
  }

  /** Folds {@code length} rows of terms in: {@code terms[component][i]}. */
  void addBlock(double[][] terms, int length) {
    java.util.Arrays.fill(block, 0.0);
    for (int i = 0; i < length; i++) {
      int p = COMPONENTS;
      for (int a = 0; a < COMPONENTS; a++) {
        double u = terms[a][i];
        block[a] += u;
        for (int b = a; b < COMPONENTS; b++) {
          block[p++] += u * terms[b][i];
        }
      }
    }
    count += length;
    for (int a = 0; a < COMPONENTS; a++) {
      sums[a].add(block[a]);
    }
    for (int p = 0; p < products.length; p++) {
      products[p].add(block[COMPONENTS + p]);
    }
    double lo = minDifference;
    double hi = maxDifference;
    // Plain comparisons: Math.min/max's NaN and -0.0 rules keep the JIT from simplifying (BENCHMARKS.md).
    for (int i = 0; i < length; i++) {
      double difference = terms[XC][i] - terms[XB][i];
      if (difference < lo) {
        lo = difference;
      }
      if (difference > hi) {
        hi = difference;
      }
    }
    minDifference = lo;
    maxDifference = hi;
  }

  /** Adds one row of terms with bootstrap multiplicities {@code m[0..B)}. */
  void addReplicateRow(double[] m, double[][] terms, int i) {
    for (int a = 0; a < COMPONENTS; a++) {
      double term = terms[a][i];
      double[] into = replicateSums[a];
      for (int b = 0; b < into.length; b++) {
        into[b] += m[b] * term;
      }
    }
  }

  void merge(PairedMoments other) {
    count += other.count;
    for (int a = 0; a < COMPONENTS; a++) {
      sums[a].add(other.sums[a]);
    }
    for (int p = 0; p < products.length; p++) {
      products[p].add(other.products[p]);
    }
    minDifference = Math.min(minDifference, other.minDifference);
    maxDifference = Math.max(maxDifference, other.maxDifference);
    if (replicateSums != null) {
      for (int a = 0; a < COMPONENTS; a++) {
        for (int b = 0; b < replicateSums[a].length; b++) {
          replicateSums[a][b] += other.replicateSums[a][b];
        }
      }
    }
  }

  long count() {
    return count;
  }

  double mean(int component) {
    return sums[component].value() / count;
  }

  /** Sample covariance (divisor n - 1) of two components. */
  double covariance(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    int index = lo * COMPONENTS - lo * (lo - 1) / 2 + (hi - lo);
    return (products[index].value() - sums[a].value() * sums[b].value() / count) / (count - 1.0);
  }

  /** Smallest plain difference {@code x_c - x_b} of a row. */
  double minDifference() {
    return minDifference;
  }

  /** Largest plain difference {@code x_c - x_b} of a row. */
  double maxDifference() {
    return maxDifference;
  }

  /**
   * The replicate estimates of the difference, {@code S(m x_c) / S(m d_c) - S(m x_b) / S(m d_b)},
   * where for a plain estimator {@code d = 1} makes the normaliser the replicate's total
   * multiplicity; null without the bootstrap.
   */
  double[] replicateDifferences() {
    if (replicateSums == null) {
      return null;
    }
    int replicates = replicateSums[XC].length;
    double[] out = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      out[b] = replicateSums[XC][b] / replicateSums[DC][b] - replicateSums[XB][b] / replicateSums[DB][b];
    }
    return out;
  }
}
