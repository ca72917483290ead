package io.ope4j.diagnostics;

import java.util.Arrays;

/**
 * Counts of the positive importance weights by power of two, for a histogram on a log scale:
 * bin {@code i} holds the weights in {@code [2^(lowestExponent + i), 2^(lowestExponent + i + 1))}.
 * Zero weights are not binned (see {@link WeightDiagnostics#zeroProbabilityShare()}). Weights
 * below 2^-40 fall in the lowest bin and above 2^40 in the highest, as in {@link WeightStats}.
 *
 * @param lowestExponent the binary exponent of the first bin's lower edge
 * @param counts rows per bin; empty when no weight is positive
 */
public record WeightHistogram(int lowestExponent, long[] counts) implements java.io.Serializable {

  /** No positive weight, or weights unknown. */
  public static final WeightHistogram EMPTY = new WeightHistogram(0, new long[0]);

  public WeightHistogram {
    counts = counts.clone();
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** Number of bins. */
  public int bins() {
    return counts.length;
  }

  /** The lower edge of bin {@code i}, a power of two. */
  public double lowerEdge(int i) {
    return Math.scalb(1.0, lowestExponent + i);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightHistogram other && lowestExponent == other.lowestExponent
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return lowestExponent * 31 + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "WeightHistogram[from 2^" + lowestExponent + ", " + Arrays.toString(counts) + "]";
  }
}
