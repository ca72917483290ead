package io.ope4j.internal.stats;

/**
 * The index bootstrap of the Python peers (Open Bandit Pipeline's and SCOPE-RL's {@code
 * estimate_confidence_interval_by_bootstrap}): each replicate draws n indices with numpy's legacy
 * {@code RandomState(seed)} ({@link Mt19937}) and takes the mean of the values drawn. It needs the
 * values themselves, in log order, so it is used only to reproduce those peers' numbers.
 *
 * <p>Not part of the public API.
 */
public final class IndexBootstrap {

  private IndexBootstrap() {}

  /** The resample means in draw order. */
  public static double[] resampleMeans(double[] values, int replicates, long seed) {
    Mt19937 random = new Mt19937(seed);
    int n = values.length;
    double[] means = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      double sum = 0.0;
      for (int i = 0; i < n; i++) {
        sum += values[random.nextIndex(n)];
      }
      means[b] = sum / n;
    }
    return means;
  }
}
