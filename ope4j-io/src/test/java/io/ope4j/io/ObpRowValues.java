package io.ope4j.io;

import io.ope4j.data.BanditBatch;
import io.ope4j.estimator.Estimator;
import io.ope4j.internal.stats.Mt19937;
import io.ope4j.interval.Intervals;
import java.io.IOException;
import java.util.Arrays;

/**
 * Test helper for the Open Bandit Pipeline oracles: an estimator's per-row terms over a whole
 * log, read through the reader, and OBP's bootstrap over per-row values (numpy's legacy
 * {@code RandomState(seed).randint(0, n)} indices, means, linear percentiles; see
 * testdata/obp_mips/README.md), which resamples rows rather than drawing Poisson weights.
 */
final class ObpRowValues {

  /** Per-row terms {@code y, x, d} and loggers. */
  record Terms(double[] y, double[] x, double[] d, int[] logger) {}

  private ObpRowValues() {}

  static Terms terms(LogInput input, LogReadOptions options, Estimator estimator) throws IOException {
    double[] y = new double[0];
    double[] x = new double[0];
    double[] d = new double[0];
    int[] logger = new int[0];
    try (BanditLogReader reader = input.open(options)) {
      BanditBatch batch = reader.newBatch();
      int n = 0;
      while (reader.next(batch)) {
        int size = batch.size();
        double[] by = new double[size];
        double[] bx = new double[size];
        double[] bd = new double[size];
        estimator.terms(batch, 0, 0, size, by, bx, bd);
        y = Arrays.copyOf(y, n + size);
        x = Arrays.copyOf(x, n + size);
        d = Arrays.copyOf(d, n + size);
        logger = Arrays.copyOf(logger, n + size);
        System.arraycopy(by, 0, y, n, size);
        System.arraycopy(bx, 0, x, n, size);
        System.arraycopy(bd, 0, d, n, size);
        if (batch.logger() != null) {
          System.arraycopy(batch.logger(), 0, logger, n, size);
        }
        n += size;
      }
    }
    return new Terms(y, x, d, logger);
  }

  /** {@code {bootstrap mean, lower, upper}} of OBP's percentile bootstrap. */
  static double[] bootstrap(double[] values, double alpha, int replicates, long seed) {
    Mt19937 random = new Mt19937(seed);
    int n = values.length;
    double[] means = new double[replicates];
    for (int b = 0; b < replicates; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[random.nextIndex(n)];
      }
      means[b] = sum / n;
    }
    double total = 0;
    for (double mean : means) {
      total += mean;
    }
    Arrays.sort(means);
    return new double[] {total / replicates, Intervals.percentile(means, alpha / 2),
        Intervals.percentile(means, 1 - alpha / 2)};
  }

  /**
   * Asserts that OBP's bootstrap over {@code values} gives the oracle's {@code ci} block
   * ({@code bootstrap_mean}, {@code lower}, {@code upper}) to 1e-12 relative.
   */
  static void assertBootstrapMatches(String name, double[] values, com.fasterxml.jackson.databind.JsonNode ci) {
    double[] ours = bootstrap(values, ci.get("alpha").asDouble(), ci.get("n_bootstrap_samples").asInt(),
        ci.get("random_state").asLong());
    String[] keys = {"bootstrap_mean", "lower", "upper"};
    for (int k = 0; k < keys.length; k++) {
      double oracle = ci.get(keys[k]).asDouble();
      org.assertj.core.api.Assertions.assertThat(ours[k]).as(name + " " + keys[k])
          .isCloseTo(oracle, org.assertj.core.api.Assertions.within(1e-12 * Math.abs(oracle)));
    }
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
