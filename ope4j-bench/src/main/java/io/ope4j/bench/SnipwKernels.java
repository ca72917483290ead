package io.ope4j.bench;

import io.ope4j.data.BanditBatch;
import io.ope4j.diagnostics.WeightStats;
import io.ope4j.engine.TermMoments;
import io.ope4j.estimator.Estimator;

/**
 * The SNIPW kernels timed by {@link SnipwKernelBenchmark} and {@link CpuTimeRunner}, over rows
 * {@code [0, size)} of one batch (evaluation policy 0). Each returns a value that depends on
 * every row, for the caller to consume. Scratch arrays hold {@link #BLOCK} doubles.
 */
final class SnipwKernels {

  /** Rows per block, as in the engine. */
  static final int BLOCK = 1024;

  private SnipwKernels() {}

  /** {@code sum w*r / sum w} with {@code w = pi / pscore}: one fused loop, plain sums. */
  static double plainLoop(BanditBatch batch) {
    double[] pi = batch.piLogged(0);
    double[] pscore = batch.pscore();
    double[] reward = batch.reward();
    int rows = batch.size();
    double weightedReward = 0;
    double weight = 0;
    for (int i = 0; i < rows; i++) {
      double w = pi[i] / pscore[i];
      weightedReward += w * reward[i];
      weight += w;
    }
    return weightedReward / weight;
  }

  /** The same, plain sums per block combined with Neumaier sums (design.md, "Data"). */
  static double blockedNeumaier(BanditBatch batch) {
    double[] pi = batch.piLogged(0);
    double[] pscore = batch.pscore();
    double[] reward = batch.reward();
    int rows = batch.size();
    double[] weightedReward = new double[2];
    double[] weight = new double[2];
    for (int from = 0; from < rows; from += BLOCK) {
      int to = Math.min(rows, from + BLOCK);
      double sx = 0;
      double sd = 0;
      for (int i = from; i < to; i++) {
        double w = pi[i] / pscore[i];
        sx += w * reward[i];
        sd += w;
      }
      neumaier(weightedReward, sx);
      neumaier(weight, sd);
    }
    return (weightedReward[0] + weightedReward[1]) / (weight[0] + weight[1]);
  }

  /** Adds {@code x} to the compensated sum {@code (sum[0], compensation sum[1])}. */
  private static void neumaier(double[] sum, double x) {
    double s = sum[0];
    double t = s + x;
    sum[1] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
    sum[0] = t;
  }

  /**
   * The engine's per-block work for one estimator through the public API: its terms into the
   * scratch arrays, then {@link TermMoments#addBlock}.
   */
  static TermMoments engineBlocks(BanditBatch batch, Estimator estimator, double[] y, double[] x, double[] d) {
    TermMoments moments = new TermMoments(estimator.selfNormalized(), estimator.needsModel());
    int rows = batch.size();
    for (int from = 0; from < rows; from += BLOCK) {
      int to = Math.min(rows, from + BLOCK);
      int altered = estimator.terms(batch, 0, from, to, y, x, d);
      moments.addBlock(y, x, d, to - from, altered);
    }
    return moments;
  }

  /** {@link #engineBlocks} plus the weight diagnostics the engine folds per block and policy. */
  static WeightStats engineBlocksWithWeightStats(
      BanditBatch batch, Estimator estimator, double[] y, double[] x, double[] d, TermMoments moments) {
    WeightStats weights = new WeightStats();
    int rows = batch.size();
    for (int from = 0; from < rows; from += BLOCK) {
      int to = Math.min(rows, from + BLOCK);
      weights.addBlock(batch, 0, from, to);
      int altered = estimator.terms(batch, 0, from, to, y, x, d);
      moments.addBlock(y, x, d, to - from, altered);
    }
    return weights;
  }

  /** {@link Estimator#terms} alone, block by block. */
  static double termsOnly(BanditBatch batch, Estimator estimator, double[] y, double[] x, double[] d) {
    double first = 0;
    int rows = batch.size();
    for (int from = 0; from < rows; from += BLOCK) {
      estimator.terms(batch, 0, from, Math.min(rows, from + BLOCK), y, x, d);
      first += x[0];
    }
    return first;
  }

  /** {@link TermMoments#addBlock} alone: one L1-resident block of terms added {@code rows / BLOCK} times. */
  static TermMoments termMomentsOnly(int rows, double[] x, double[] d) {
    TermMoments moments = new TermMoments(true, false);
    for (int from = 0; from < rows; from += BLOCK) {
      moments.addBlock(null, x, d, Math.min(rows, from + BLOCK) - from, 0);
    }
    return moments;
  }

  /** {@link WeightStats#addBlock} alone. */
  static WeightStats weightStatsOnly(BanditBatch batch) {
    WeightStats weights = new WeightStats();
    int rows = batch.size();
    for (int from = 0; from < rows; from += BLOCK) {
      weights.addBlock(batch, 0, from, Math.min(rows, from + BLOCK));
    }
    return weights;
  }
}
