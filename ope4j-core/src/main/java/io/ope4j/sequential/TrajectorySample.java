package io.ope4j.sequential;

import io.ope4j.internal.stats.CompensatedSum;
import java.util.Arrays;

/**
 * The one-pass state of one estimator for one policy over the per-trajectory values {@code psi}:
 * count, compensated sums of {@code psi} and {@code psi^2}, range, Poisson-bootstrap replicate
 * sums {@code sum m_b psi} (multiplicities keyed by (seed, episode id), so the same for any split
 * of the episodes), and, only for SCOPE-RL's index bootstrap, the values themselves in log order.
 * Mutable, one thread.
 */
final class TrajectorySample implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  private long count;
  private final CompensatedSum sum = new CompensatedSum();
  private final CompensatedSum sumSquares = new CompensatedSum();
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private final double[] replicateSums;
  private double[] kept;
  private int keptCount;

  /**
   * @param replicates Poisson-bootstrap replicates (0 for none)
   * @param keepValues whether to keep every value (memory O(episodes))
   */
  TrajectorySample(int replicates, boolean keepValues) {
    this.replicateSums = new double[replicates];
    this.kept = keepValues ? new double[64] : null;
  }

  /** Adds one episode's value with its replicate multiplicities (ignored without replicates). */
  void add(double psi, double[] multiplicities) {
    count++;
    sum.add(psi);
    sumSquares.add(psi * psi);
    min = Math.min(min, psi);
    max = Math.max(max, psi);
    for (int b = 0; b < replicateSums.length; b++) {
      replicateSums[b] += multiplicities[b] * psi;
    }
    if (kept != null) {
      if (keptCount == kept.length) {
        kept = Arrays.copyOf(kept, 2 * keptCount);
      }
      kept[keptCount++] = psi;
    }
  }

  /** Adds {@code other}'s episodes; kept values are appended, so merge in log order. */
  void merge(TrajectorySample other) {
    count += other.count;
    sum.add(other.sum);
    sumSquares.add(other.sumSquares);
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    for (int b = 0; b < replicateSums.length; b++) {
      replicateSums[b] += other.replicateSums[b];
    }
    if (kept != null) {
      if (keptCount + other.keptCount > kept.length) {
        kept = Arrays.copyOf(kept, Math.max(2 * kept.length, keptCount + other.keptCount));
      }
      System.arraycopy(other.kept, 0, kept, keptCount, other.keptCount);
      keptCount += other.keptCount;
    }
  }

  long count() {
    return count;
  }

  double mean() {
    return sum.value() / count;
  }

  /** Variance with divisor {@code n - ddof}. */
  double variance(int ddof) {
    double s = sum.value();
    double centred = sumSquares.value() - s * s / count;
    return Math.max(centred, 0.0) / (count - ddof);
  }

  double min() {
    return min;
  }

  double max() {
    return max;
  }

  /** Replicate means {@code sum m_b psi / sum m_b}. */
  double[] replicateMeans(double[] totalMultiplicity) {
    double[] means = new double[replicateSums.length];
    for (int b = 0; b < means.length; b++) {
      means[b] = replicateSums[b] / totalMultiplicity[b];
    }
    return means;
  }

  /** The kept values in log order. */
  double[] values() {
    if (kept == null) {
      throw new IllegalStateException("values were not kept");
    }
    return Arrays.copyOf(kept, keptCount);
  }
}
