package io.ope4j.continuous;

import io.ope4j.internal.stats.CompensatedSum;
import java.util.Arrays;

/**
 * Every row's terms of one estimator, in log order, for Open Bandit Pipeline's index bootstrap
 * ({@link io.ope4j.internal.stats.IndexBootstrap}), which resamples the per-row values {@code x_i} (self-normalised: {@code x_i / mean(d)}, the
 * normaliser fixed on the whole sample, as that library does). Memory grows with the log.
 */
final class RowTerms implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean selfNormalized;
  private double[] x = new double[0];
  private double[] d = new double[0];
  private int size;

  RowTerms(boolean selfNormalized) {
    this.selfNormalized = selfNormalized;
  }

  void append(double[] newX, double[] newD, int length) {
    if (size + length > x.length) {
      int capacity = Math.max(size + length, 2 * x.length);
      x = Arrays.copyOf(x, capacity);
      d = selfNormalized ? Arrays.copyOf(d, capacity) : d;
    }
    System.arraycopy(newX, 0, x, size, length);
    if (selfNormalized) {
      System.arraycopy(newD, 0, d, size, length);
    }
    size += length;
  }

  void append(RowTerms other) {
    append(other.x, other.d, other.size);
  }

  /** The per-row values the index bootstrap resamples. */
  double[] values() {
    double[] values = Arrays.copyOf(x, size);
    if (selfNormalized) {
      CompensatedSum sum = new CompensatedSum();
      for (int i = 0; i < size; i++) {
        sum.add(d[i]);
      }
      double normaliser = sum.value() / size;
      for (int i = 0; i < size; i++) {
        values[i] /= normaliser;
      }
    }
    return values;
  }
}
