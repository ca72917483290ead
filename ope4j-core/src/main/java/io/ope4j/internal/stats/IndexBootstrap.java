package io.ope4j.internal.stats;

/**
 * The nonparametric bootstrap as numpy-based peers code it: each replicate redraws n indices
 * with {@code RandomState(seed).randint(0, n)} (numpy's legacy MT19937 stream, {@link Mt19937})
 * and takes the mean of the values drawn. Used only to reproduce such peers' intervals (SCOPE-RL,
 * Open Bandit Pipeline); ope4j's own bootstrap is {@link PoissonMultiplicities}.
 *
 * <p>Not part of the public API: an implementation detail shared by the ope4j modules.
 */
public final class IndexBootstrap {

  private IndexBootstrap() {}

  /** The resample means of {@code values} in draw order. */
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
