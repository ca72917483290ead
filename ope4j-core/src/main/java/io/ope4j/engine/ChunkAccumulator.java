package io.ope4j.engine;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.LogLayout;
import io.ope4j.diagnostics.WeightStats;
import io.ope4j.estimator.Estimator;
import io.ope4j.stats.PoissonMultiplicities;
import java.util.List;

/**
 * The whole one-pass state of an evaluation over some rows: for every (policy, estimator) its
 * {@link TermMoments} and, with the bootstrap, its {@link ReplicateSums}; per policy its
 * {@link WeightStats}. Rows are processed in blocks of {@value #BLOCK} aligned to batch starts,
 * so the floating-point result depends only on the batches, never on threads.
 */
final class ChunkAccumulator {

  static final int BLOCK = 1024;

  private final List<Estimator> estimators;
  private final int policies;
  private final int replicates;
  private final long seed;
  private final TermMoments[] moments;
  private final ReplicateSums[] replicateSums;
  private final double[] totalMultiplicity;
  private final WeightStats[] weights;
  private long rows;

  // Scratch, one term buffer per (policy, estimator) when the bootstrap needs them all at once.
  private final double[][] y;
  private final double[][] x;
  private final double[][] d;
  private final byte[] multiplicities;

  ChunkAccumulator(LogLayout layout, List<Estimator> estimators, int replicates, long seed) {
    this.estimators = estimators;
    this.policies = layout.policyCount();
    this.replicates = replicates;
    this.seed = seed;
    int states = policies * estimators.size();
    this.moments = new TermMoments[states];
    this.replicateSums = replicates > 0 ? new ReplicateSums[states] : null;
    int buffers = replicates > 0 ? states : 1;
    this.y = new double[buffers][BLOCK];
    this.x = new double[buffers][BLOCK];
    this.d = new double[buffers][BLOCK];
    for (int p = 0; p < policies; p++) {
      for (int e = 0; e < estimators.size(); e++) {
        Estimator estimator = estimators.get(e);
        int s = p * estimators.size() + e;
        moments[s] = new TermMoments(estimator.selfNormalized(), estimator.needsModel());
        if (replicates > 0) {
          replicateSums[s] =
              new ReplicateSums(replicates, estimator.selfNormalized(), estimator.needsModel());
        }
      }
    }
    this.totalMultiplicity = replicates > 0 ? new double[replicates] : null;
    this.multiplicities = replicates > 0 ? new byte[BLOCK * replicates] : null;
    this.weights = new WeightStats[policies];
    for (int p = 0; p < policies; p++) {
      weights[p] = new WeightStats();
    }
  }

  /** Folds in every row of {@code batch}. */
  void add(BanditBatch batch) {
    int size = batch.size();
    for (int from = 0; from < size; from += BLOCK) {
      addBlock(batch, from, Math.min(size, from + BLOCK));
    }
    rows += size;
  }

  private void addBlock(BanditBatch batch, int from, int to) {
    int length = to - from;
    if (replicates > 0) {
      drawMultiplicities(batch.firstRow() + from, length);
    }
    int estimatorCount = estimators.size();
    for (int p = 0; p < policies; p++) {
      weights[p].addBlock(batch, p, from, to);
      for (int e = 0; e < estimatorCount; e++) {
        int s = p * estimatorCount + e;
        int buffer = replicates > 0 ? s : 0;
        int altered = estimators.get(e).terms(batch, p, from, to, y[buffer], x[buffer], d[buffer]);
        moments[s].addBlock(y[buffer], x[buffer], d[buffer], length, altered);
        if (replicates > 0) {
          replicateSums[s].addBlock(multiplicities, y[buffer], x[buffer], d[buffer], length);
        }
      }
    }
  }

  private void drawMultiplicities(long firstRow, int length) {
    for (int i = 0; i < length; i++) {
      PoissonMultiplicities.fill(seed, firstRow + i, replicates, multiplicities, i * replicates);
    }
    for (int i = 0; i < length; i++) {
      int base = i * replicates;
      for (int b = 0; b < replicates; b++) {
        totalMultiplicity[b] += multiplicities[base + b];
      }
    }
  }

  /** Adds {@code other}'s rows to this state (in a fixed order, for reproducible sums). */
  void merge(ChunkAccumulator other) {
    rows += other.rows;
    for (int s = 0; s < moments.length; s++) {
      moments[s].merge(other.moments[s]);
      if (replicates > 0) {
        replicateSums[s].merge(other.replicateSums[s]);
      }
    }
    if (replicates > 0) {
      for (int b = 0; b < replicates; b++) {
        totalMultiplicity[b] += other.totalMultiplicity[b];
      }
    }
    for (int p = 0; p < policies; p++) {
      weights[p].merge(other.weights[p]);
    }
  }

  long rows() {
    return rows;
  }

  TermMoments moments(int policy, int estimator) {
    return moments[policy * estimators.size() + estimator];
  }

  /** Bootstrap replicate estimates of one (policy, estimator), or null without the bootstrap. */
  double[] replicateEstimates(int policy, int estimator) {
    return replicates > 0
        ? replicateSums[policy * estimators.size() + estimator].estimates(totalMultiplicity)
        : null;
  }

  WeightStats weights(int policy) {
    return weights[policy];
  }
}
