package io.ope4j.slate;

import io.ope4j.internal.stats.CompensatedSum;
import java.util.Arrays;

/**
 * The one-pass state of one slate estimator: over the slates, the count and the sums of the
 * vector {@code z} = its per-position numerators {@code x_0..x_{L-1}} (followed, if
 * self-normalised, by the normalisers {@code d_0..d_{L-1}}) and of its cross-products {@code z
 * z^T}. They give every position's estimate and the delta-method standard error of each position
 * and of the sum over positions. Within a batch the sums are plain; batch sums enter compensated
 * sums. Optionally, Poisson-bootstrap replicate sums {@code sum m_b z} (or, for a plain estimator,
 * of the slate total) and the vectors themselves in log order (for Open Bandit Pipeline's index
 * bootstrap). Mutable, one thread.
 */
final class SlateMoments implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  private final int length;
  private final boolean selfNormalized;
  private final int width;
  private long count;
  private final CompensatedSum[] sums;
  /** Upper triangle of sum z z^T, row-major. */
  private final CompensatedSum[] products;
  private final double[] batchSums;
  private final double[] batchProducts;
  /** Per replicate b, per component: sum m_b z (self-normalised) or sum m_b t (plain). */
  private final double[] replicateSums;
  private final int replicateWidth;
  private double[] kept;
  private int keptSlates;

  SlateMoments(int length, boolean selfNormalized, int replicates, boolean keep) {
    this.length = length;
    this.selfNormalized = selfNormalized;
    this.width = selfNormalized ? 2 * length : length;
    this.sums = compensated(width);
    this.products = compensated(width * (width + 1) / 2);
    this.batchSums = new double[width];
    this.batchProducts = new double[products.length];
    this.replicateWidth = selfNormalized ? width : 1;
    this.replicateSums = new double[replicates * replicateWidth];
    this.kept = keep ? new double[64 * width] : null;
  }

  private static CompensatedSum[] compensated(int n) {
    CompensatedSum[] array = new CompensatedSum[n];
    for (int i = 0; i < n; i++) {
      array[i] = new CompensatedSum();
    }
    return array;
  }

  /** The scratch layout: numerators in {@code z[0..L)}, normalisers in {@code z[L..2L)}. */
  int width() {
    return width;
  }

  /** Adds one slate's vector {@code z} (length {@link #width()}) to the current batch's sums. */
  void add(double[] z, double[] multiplicities) {
    count++;
    int k = 0;
    for (int i = 0; i < width; i++) {
      double zi = z[i];
      batchSums[i] += zi;
      for (int j = i; j < width; j++) {
        batchProducts[k++] += zi * z[j];
      }
    }
    int replicates = multiplicities.length;
    if (replicates > 0 && replicateSums.length > 0) {
      if (selfNormalized) {
        for (int b = 0; b < replicates; b++) {
          double m = multiplicities[b];
          int base = b * width;
          for (int i = 0; i < width; i++) {
            replicateSums[base + i] += m * z[i];
          }
        }
      } else {
        double total = 0.0;
        for (int l = 0; l < length; l++) {
          total += z[l];
        }
        for (int b = 0; b < replicates; b++) {
          replicateSums[b] += multiplicities[b] * total;
        }
      }
    }
    if (kept != null) {
      if ((keptSlates + 1) * width > kept.length) {
        kept = Arrays.copyOf(kept, 2 * kept.length);
      }
      System.arraycopy(z, 0, kept, keptSlates * width, width);
      keptSlates++;
    }
  }

  /** Moves the current batch's plain sums into the compensated sums. */
  void endBatch() {
    for (int i = 0; i < width; i++) {
      sums[i].add(batchSums[i]);
      batchSums[i] = 0.0;
    }
    for (int k = 0; k < products.length; k++) {
      products[k].add(batchProducts[k]);
      batchProducts[k] = 0.0;
    }
  }

  /** Adds {@code other}'s slates (both with ended batches); kept vectors are appended. */
  void merge(SlateMoments other) {
    count += other.count;
    for (int i = 0; i < width; i++) {
      sums[i].add(other.sums[i]);
    }
    for (int k = 0; k < products.length; k++) {
      products[k].add(other.products[k]);
    }
    for (int i = 0; i < replicateSums.length; i++) {
      replicateSums[i] += other.replicateSums[i];
    }
    if (kept != null) {
      int needed = (keptSlates + other.keptSlates) * width;
      if (needed > kept.length) {
        kept = Arrays.copyOf(kept, Math.max(2 * kept.length, needed));
      }
      System.arraycopy(other.kept, 0, kept, keptSlates * width, other.keptSlates * width);
      keptSlates += other.keptSlates;
    }
  }

  long count() {
    return count;
  }

  /** Position l's estimate: mean(x_l), or sum(x_l) / sum(d_l). */
  double positionValue(int l) {
    return selfNormalized ? sums[l].value() / sums[length + l].value() : sums[l].value() / count;
  }

  /** The slate value: the sum of the position estimates. */
  double value() {
    double total = 0.0;
    for (int l = 0; l < length; l++) {
      total += positionValue(l);
    }
    return total;
  }

  /** Standard error of position {@code l}'s estimate, or of the slate value for l = -1. */
  double stderr(int l) {
    if (count < 2) {
      return Double.NaN;
    }
    double[] c = influence(l);
    double n = count;
    double[] mean = new double[width];
    for (int i = 0; i < width; i++) {
      mean[i] = sums[i].value() / n;
    }
    // c^T Cov(z) c with Cov(z) = (sum z z^T - n mean mean^T) / (n - 1).
    double quadratic = 0.0;
    int k = 0;
    for (int i = 0; i < width; i++) {
      for (int j = i; j < width; j++) {
        double covariance = (products[k++].value() - n * mean[i] * mean[j]) / (n - 1);
        quadratic += (i == j ? 1.0 : 2.0) * c[i] * c[j] * covariance;
      }
    }
    return Math.sqrt(Math.max(quadratic, 0.0) / n);
  }

  /**
   * The gradient of position l's estimate (or of the sum, l = -1) with respect to the means of
   * z: 1 for each x of a plain estimator; for a ratio mean(x) / mean(d), 1 / mean(d) and
   * -value / mean(d) (the delta method).
   */
  private double[] influence(int position) {
    double[] c = new double[width];
    for (int l = 0; l < length; l++) {
      if (position >= 0 && l != position) {
        continue;
      }
      if (selfNormalized) {
        double meanWeight = sums[length + l].value() / count;
        c[l] = 1.0 / meanWeight;
        c[length + l] = -positionValue(l) / meanWeight;
      } else {
        c[l] = 1.0;
      }
    }
    return c;
  }

  /** The Poisson-bootstrap replicate estimates, each renormalised within its replicate. */
  double[] replicateValues(double[] totalMultiplicity) {
    int replicates = replicateSums.length / replicateWidth;
    double[] values = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      if (!selfNormalized) {
        values[b] = replicateSums[b] / totalMultiplicity[b];
        continue;
      }
      double total = 0.0;
      int base = b * width;
      for (int l = 0; l < length; l++) {
        total += replicateSums[base + l] / replicateSums[base + length + l];
      }
      values[b] = total;
    }
    return values;
  }

  /**
   * Every slate's total in log order with the normalisers fixed at the whole log's mean weights
   * (Open Bandit Pipeline's per-slate values: {@code sum_l x_l / mean(d_l)}).
   */
  double[] slateTotals() {
    if (kept == null) {
      throw new IllegalStateException("slate vectors were not kept");
    }
    double[] meanWeight = new double[length];
    for (int l = 0; l < length && selfNormalized; l++) {
      meanWeight[l] = sums[length + l].value() / count;
    }
    double[] totals = new double[keptSlates];
    for (int i = 0; i < keptSlates; i++) {
      double total = 0.0;
      int base = i * width;
      for (int l = 0; l < length; l++) {
        total += selfNormalized ? kept[base + l] / meanWeight[l] : kept[base + l];
      }
      totals[i] = total;
    }
    return totals;
  }
}
