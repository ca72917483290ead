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
    return resampleMeans(new double[][] {values}, replicates, seed)[0];
  }

  /**
   * The resample means of several value arrays of the same length, each with the same index
   * draws (as each would get from a fresh generator with this seed): the draws are made once.
   *
   * @return per array, its replicate means in draw order
   */
  public static double[][] resampleMeans(double[][] values, int replicates, long seed) {
    Mt19937 random = new Mt19937(seed);
    int n = values[0].length;
    int[] indices = new int[n];
    double[][] means = new double[values.length][replicates];
    for (int b = 0; b < replicates; b++) {
      for (int i = 0; i < n; i++) {
        indices[i] = random.nextIndex(n);
      }
      for (int v = 0; v < values.length; v++) {
        double[] column = values[v];
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
          sum += column[indices[i]];
        }
        means[v][b] = sum / n;
      }
    }
    return means;
  }
}
