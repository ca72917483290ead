package io.ope4j.models.pipeline;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.rewardmodel.RewardData;
import java.io.IOException;
import java.util.Arrays;

/**
 * Pass 1 of a fit-then-evaluate run: the columns that fitting needs, collected from a source into
 * primitive arrays (contexts, actions, rewards, positions, propensities, the action embedding and, for fits weighted
 * by an evaluation policy, each policy's probability of the logged action). Nothing else of the
 * log is kept. Arrays grow by doubling while reading, so the peak is twice the final size.
 */
final class FittingData {

  final LogLayout layout;
  final int rows;
  final int dim;
  final double[] contexts;
  final int[] actions;
  final double[] rewards;
  /** Null without a position column. */
  final int[] positions;
  /** Null when the log has no pscore column. */
  final double[] pscore;
  /** Per policy of the layout, or null when not asked for. */
  final double[][] piLogged;
  /** The embedding, {@code embedding[i * embeddingDims + d]}; empty without embedding columns. */
  final int[] embedding;
  final int embeddingDims;

  private FittingData(Collector c) {
    this.layout = c.layout;
    this.rows = c.rows;
    this.dim = c.dim;
    this.contexts = Arrays.copyOf(c.contexts, c.rows * c.dim);
    this.actions = Arrays.copyOf(c.actions, c.rows);
    this.rewards = Arrays.copyOf(c.rewards, c.rows);
    this.positions = c.positions == null ? null : Arrays.copyOf(c.positions, c.rows);
    this.pscore = c.pscore == null ? null : Arrays.copyOf(c.pscore, c.rows);
    this.embeddingDims = c.embeddingDims;
    this.embedding = Arrays.copyOf(c.embedding, c.rows * c.embeddingDims);
    if (c.piLogged == null) {
      this.piLogged = null;
    } else {
      this.piLogged = new double[c.piLogged.length][];
      for (int p = 0; p < piLogged.length; p++) {
        piLogged[p] = Arrays.copyOf(c.piLogged[p], c.rows);
      }
    }
  }

  /**
   * Reads {@code source} to its end.
   *
   * @param withPolicies whether to keep each policy's probability of the logged action
   * @throws IllegalArgumentException if the log has more rows than arrays can hold
   */
  static FittingData collect(BatchSource source, boolean withPolicies) throws IOException {
    Collector collector = new Collector(source.layout(), withPolicies);
    BanditBatch batch = new BanditBatch(source.layout(), io.ope4j.engine.Evaluator.BATCH_ROWS);
    while (source.next(batch) && batch.size() > 0) {
      collector.add(batch);
    }
    return new FittingData(collector);
  }

  /** The rows to fit a reward model on (no sample weights). */
  RewardData rewardData() {
    return new RewardData(contexts, dim, actions, positions, rewards, null, layout.nActions());
  }

  /** Growing arrays. */
  private static final class Collector {
    final LogLayout layout;
    final int dim;
    int rows;
    double[] contexts;
    int[] actions = new int[1024];
    double[] rewards = new double[1024];
    int[] positions;
    double[] pscore;
    double[][] piLogged;
    final int embeddingDims;
    int[] embedding;

    Collector(LogLayout layout, boolean withPolicies) {
      this.layout = layout;
      this.dim = layout.contextDim();
      this.embeddingDims = layout.extras().embeddingDims();
      this.embedding = new int[1024 * embeddingDims];
      this.contexts = new double[1024 * dim];
      this.positions = layout.hasPosition() ? new int[1024] : null;
      this.pscore = layout.hasPscore() ? new double[1024] : null;
      this.piLogged = withPolicies ? new double[layout.policyCount()][1024] : null;
    }

    void add(BanditBatch batch) {
      int size = batch.size();
      ensureCapacity((long) rows + size);
      System.arraycopy(batch.action(), 0, actions, rows, size);
      System.arraycopy(batch.reward(), 0, rewards, rows, size);
      if (dim > 0) {
        System.arraycopy(batch.contexts(), 0, contexts, rows * dim, size * dim);
      }
      if (positions != null) {
        System.arraycopy(batch.position(), 0, positions, rows, size);
      }
      if (pscore != null) {
        System.arraycopy(batch.pscore(), 0, pscore, rows, size);
      }
      if (embeddingDims > 0) {
        System.arraycopy(batch.embedding(), 0, embedding, rows * embeddingDims, size * embeddingDims);
      }
      if (piLogged != null) {
        for (int p = 0; p < piLogged.length; p++) {
          System.arraycopy(batch.piLogged(p), 0, piLogged[p], rows, size);
        }
      }
      rows += size;
    }

    private void ensureCapacity(long needed) {
      if (needed <= actions.length) {
        return;
      }
      long capacity = Math.max(needed, 2L * actions.length);
      if (capacity * Math.max(Math.max(dim, embeddingDims), 1) > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("the log is too long to fit a model on in memory: " + needed
            + " rows x " + Math.max(dim, embeddingDims) + " context features or embedding dimensions");
      }
      int n = (int) capacity;
      contexts = Arrays.copyOf(contexts, n * dim);
      actions = Arrays.copyOf(actions, n);
      rewards = Arrays.copyOf(rewards, n);
      positions = positions == null ? null : Arrays.copyOf(positions, n);
      pscore = pscore == null ? null : Arrays.copyOf(pscore, n);
      embedding = Arrays.copyOf(embedding, n * embeddingDims);
      if (piLogged != null) {
        for (int p = 0; p < piLogged.length; p++) {
          piLogged[p] = Arrays.copyOf(piLogged[p], n);
        }
      }
    }
  }
}
