package io.ope4j.engine;

import io.ope4j.internal.stats.CompensatedSum;
import java.util.Arrays;

/**
 * The one-pass state of a precision-weighted estimator over several loggers (Agarwal et al.
 * 2017, Eq. 4; OBP 0.5.5 obp/ope/estimators_multi.py {@code MultiLoggersWeighted*}): per logger
 * k its row count and the sums of the model term {@code y}, the weighted term {@code x} and their
 * squares and product. At the end, with {@code v_k} the population variance of {@code y + x} among
 * logger k's rows, each logger gets the precision factor {@code c_k = n / (v_k sum_j n_j / v_j)}
 * and the estimate is {@code (sum_i y_i + sum_k c_k sum_{i in k} x_i) / n}: a mean of the
 * per-row values {@code y + c_k x}, whose standard error is taken within loggers with the factors
 * fixed. With the
 * bootstrap, per replicate and logger the sums of {@code m y} and {@code m x}; the factors are the
 * full sample's, as OBP's bootstrap keeps them.
 *
 * <p>Loggers are the dense indices of {@link io.ope4j.data.BanditBatch#logger()}; the arrays grow
 * as new ones appear. Mergeable: merging adds logger by logger.
 */
public final class StratifiedSums implements java.io.Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SUMS = 5;
  private static final int Y = 0;
  private static final int X = 1;
  private static final int YY = 2;
  private static final int XY = 3;
  private static final int XX = 4;

  private final int replicates;
  private long[] counts = new long[0];
  private CompensatedSum[] sums = new CompensatedSum[0];
  private double[] block = new double[0];
  /** Per logger, the replicates' sums of {@code m y} then of {@code m x}. */
  private double[][] replicateSums = new double[0][];

  StratifiedSums(int replicates) {
    this.replicates = replicates;
  }

  /** Adds rows whose loggers are {@code logger[from ..]} and terms {@code y[0..length)}, {@code x[..]}. */
  void addBlock(int[] logger, int from, double[] y, double[] x, int length) {
    for (int i = 0; i < length; i++) {
      int k = logger[from + i];
      if (k >= counts.length) {
        grow(k + 1);
      }
      counts[k]++;
      int at = k * SUMS;
      double yi = y[i];
      double xi = x[i];
      block[at + Y] += yi;
      block[at + X] += xi;
      block[at + YY] += yi * yi;
      block[at + XY] += xi * yi;
      block[at + XX] += xi * xi;
    }
    for (int s = 0; s < block.length; s++) {
      if (block[s] != 0) {
        sums[s].add(block[s]);
        block[s] = 0;
      }
    }
  }

  /** Adds one row of logger {@code k} with multiplicities {@code m} to the replicate sums. */
  void addReplicateRow(int k, double[] m, double y, double x) {
    if (k >= counts.length) {
      grow(k + 1);
    }
    double[] sumsOfK = replicateSums[k];
    for (int b = 0; b < replicates; b++) {
      sumsOfK[b] += m[b] * y;
      sumsOfK[replicates + b] += m[b] * x;
    }
  }

  private void grow(int loggers) {
    int before = counts.length;
    counts = Arrays.copyOf(counts, loggers);
    sums = Arrays.copyOf(sums, loggers * SUMS);
    block = Arrays.copyOf(block, loggers * SUMS);
    replicateSums = Arrays.copyOf(replicateSums, loggers);
    for (int k = before; k < loggers; k++) {
      for (int s = 0; s < SUMS; s++) {
        sums[k * SUMS + s] = new CompensatedSum();
      }
      replicateSums[k] = new double[2 * replicates];
    }
  }

  void merge(StratifiedSums other) {
    if (other.counts.length > counts.length) {
      grow(other.counts.length);
    }
    for (int k = 0; k < other.counts.length; k++) {
      counts[k] += other.counts[k];
      for (int s = 0; s < SUMS; s++) {
        sums[k * SUMS + s].add(other.sums[k * SUMS + s]);
      }
      for (int b = 0; b < 2 * replicates; b++) {
        replicateSums[k][b] += other.replicateSums[k][b];
      }
    }
  }

  /** Number of loggers seen. */
  public int loggers() {
    return counts.length;
  }

  private double sum(int k, int which) {
    return sums[k * SUMS + which].value();
  }

  /** Population variance (divisor n_k) of {@code y + x} among logger k's rows. */
  private double variance(int k) {
    double nk = counts[k];
    double sumZ = sum(k, Y) + sum(k, X);
    double sumZZ = sum(k, YY) + 2 * sum(k, XY) + sum(k, XX);
    return (sumZZ - sumZ * sumZ / nk) / nk;
  }

  /**
   * The precision factors {@code c_k}, or null when a logger's terms have no spread (one row, or
   * all equal): its precision is then infinite and the weights undefined.
   */
  double[] factors() {
    long n = 0;
    double[] variance = new double[counts.length];
    double precision = 0;
    for (int k = 0; k < counts.length; k++) {
      double nk = counts[k];
      variance[k] = variance(k);
      if (counts[k] > 0 && !(variance[k] > 0)) {
        return null;
      }
      n += counts[k];
      precision += counts[k] > 0 ? nk / variance[k] : 0;
    }
    double[] factors = new double[counts.length];
    for (int k = 0; k < counts.length; k++) {
      factors[k] = n / (variance[k] * precision);
    }
    return factors;
  }

  /** The first logger whose terms have no spread, or -1. */
  int constantLogger() {
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0 && !(variance(k) > 0)) {
        return k;
      }
    }
    return -1;
  }

  /** {@code (sum y + sum_k c_k sum_{i in k} x) / n}; NaN without factors. */
  double value(double[] factors) {
    if (factors == null) {
      return Double.NaN;
    }
    long n = 0;
    double total = 0;
    for (int k = 0; k < counts.length; k++) {
      n += counts[k];
      total += sum(k, Y) + factors[k] * sum(k, X);
    }
    return total / n;
  }

  /**
   * Standard error from the within-logger spread only, {@code sqrt(sum_k n_k s_k^2) / n} with
   * {@code s_k^2} the sample variance of {@code y + c_k x} among logger k's rows and the factors
   * fixed: every logger's weighted mean has the same expectation (the factors sum to one over the
   * rows), so the spread between loggers' means is not noise of the estimate (Agarwal et al. 2017,
   * Sec. 4). NaN with fewer than two rows or without factors.
   */
  double standardError(double[] factors) {
    long n = 0;
    for (long count : counts) {
      n += count;
    }
    if (factors == null || n < 2) {
      return Double.NaN;
    }
    double within = 0;
    for (int k = 0; k < counts.length; k++) {
      double nk = counts[k];
      if (nk < 2) {
        continue;
      }
      double c = factors[k];
      double sum = sum(k, Y) + c * sum(k, X);
      double squares = sum(k, YY) + 2 * c * sum(k, XY) + c * c * sum(k, XX);
      within += Math.max(squares - sum * sum / nk, 0) * nk / (nk - 1);
    }
    return Math.sqrt(within) / n;
  }

  /** The replicate estimates, given each replicate's total multiplicity and the full sample's factors. */
  double[] replicateEstimates(double[] totalMultiplicity, double[] factors) {
    double[] estimates = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      double total = 0;
      for (int k = 0; k < counts.length; k++) {
        total += replicateSums[k][b] + (factors == null ? Double.NaN : factors[k]) * replicateSums[k][replicates + b];
      }
      estimates[b] = total / totalMultiplicity[b];
    }
    return estimates;
  }
}
