package io.ope4j.data;

import java.util.Arrays;

/**
 * A known action-embedding distribution {@code p(e_d = c | a)}: for every action a and embedding
 * dimension d, a distribution over the categories {@code 0 .. C_d - 1} of that dimension; the
 * dimensions are independent given the action, so {@code p(e | a) = prod_d p(e_d | a)} (Saito &amp;
 * Joachims 2022, "Off-Policy Evaluation for Large Action Spaces via Embeddings", Sec. 3). It does
 * not depend on the context. Immutable.
 */
public final class EmbeddingTable implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final int actions;
  private final int dims;
  private final int[] categories;
  /** The widest dimension's category count: the stride of {@link #probabilities}. */
  private final int stride;
  /** {@code p(e_d = c | a)} at {@code (a * dims + d) * stride + c}; 0 past a dimension's categories. */
  private final double[] probabilities;
  /**
   * The same by category, {@code p(e_d = c | a)} at {@code (d * stride + c) * actions + a}: the K
   * values a logged embedding needs are contiguous, so the per-row loops run over one array slice.
   */
  private final double[] byCategory;

  /**
   * @param probabilities {@code probabilities[a][d][c] = p(e_d = c | a)}: every action has the same
   *     number of dimensions, and every dimension the same number of categories for every action
   * @throws IllegalArgumentException on a ragged table, a value outside [0, 1] or a distribution
   *     that does not sum to 1 within 1e-6
   */
  public EmbeddingTable(double[][][] probabilities) {
    if (probabilities.length == 0 || probabilities[0].length == 0) {
      throw new IllegalArgumentException("an embedding table needs at least one action and one dimension");
    }
    this.actions = probabilities.length;
    this.dims = probabilities[0].length;
    this.categories = new int[dims];
    int widest = 0;
    for (int d = 0; d < dims; d++) {
      categories[d] = probabilities[0][d].length;
      widest = Math.max(widest, categories[d]);
    }
    this.stride = widest;
    this.probabilities = new double[Math.multiplyExact(actions * dims, widest)];
    for (int a = 0; a < actions; a++) {
      if (probabilities[a].length != dims) {
        throw new IllegalArgumentException("action " + a + " has " + probabilities[a].length
            + " embedding dimensions, action 0 has " + dims);
      }
      for (int d = 0; d < dims; d++) {
        double[] distribution = probabilities[a][d];
        if (distribution.length != categories[d]) {
          throw new IllegalArgumentException("action " + a + ", dimension " + d + " has "
              + distribution.length + " categories, action 0 has " + categories[d]);
        }
        double sum = 0;
        for (int c = 0; c < distribution.length; c++) {
          double p = distribution[c];
          if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p(e_" + d + " = " + c + " | a = " + a + ") must be in [0, 1], got " + p);
          }
          sum += p;
          this.probabilities[(a * dims + d) * stride + c] = p;
        }
        if (Math.abs(sum - 1) > LogValidator.SUM_TOLERANCE) {
          throw new IllegalArgumentException("p(e_" + d + " | a = " + a + ") sums to " + sum + ", not 1");
        }
      }
    }
    this.byCategory = new double[this.probabilities.length];
    for (int a = 0; a < actions; a++) {
      for (int d = 0; d < dims; d++) {
        for (int c = 0; c < stride; c++) {
          byCategory[(d * stride + c) * actions + a] = this.probabilities[(a * dims + d) * stride + c];
        }
      }
    }
  }

  /** Number of actions K. */
  public int actions() {
    return actions;
  }

  /** Number of embedding dimensions D. */
  public int dims() {
    return dims;
  }

  /** Number of categories of dimension {@code d}. */
  public int categories(int d) {
    return categories[d];
  }

  /** {@code p(e_d = c | a)}. */
  public double probability(int action, int d, int category) {
    return probabilities[(action * dims + d) * stride + category];
  }

  /**
   * {@code out[a] = prod_{d in S} p(e_d | a)} for every action, the embedding's density under each
   * action over the dimensions {@code S}; with it the paper's marginal {@code p(e | x, pi) = sum_a
   * pi(a|x) out[a]} (Saito &amp; Joachims 2022, Eq. 3) costs one dot product per policy.
   *
   * @param embedding the row's D categories, from {@code embedding[embeddingOffset]}
   * @param subset the dimensions S, ascending, at least one
   * @param out receives K values; modified
   */
  public void densities(int[] embedding, int embeddingOffset, int[] subset, double[] out) {
    int first = (subset[0] * stride + embedding[embeddingOffset + subset[0]]) * actions;
    System.arraycopy(byCategory, first, out, 0, actions);
    for (int j = 1; j < subset.length; j++) {
      int d = subset[j];
      int column = (d * stride + embedding[embeddingOffset + d]) * actions;
      for (int a = 0; a < actions; a++) {
        out[a] *= byCategory[column + a];
      }
    }
  }

  /**
   * Open Bandit Pipeline 0.5.5's marginal, the product of per-dimension marginals {@code prod_{d in
   * S} sum_a pi(a|x) p(e_d | a)} (obp/ope/estimators_embed.py, {@code _estimate_round_rewards}
   * given {@code p_e_a}); equal to the paper's only for one dimension.
   */
  public double productOfMarginals(double[] pi, int piOffset, int[] embedding, int embeddingOffset, int[] subset) {
    double product = 1;
    for (int d : subset) {
      int column = (d * stride + embedding[embeddingOffset + d]) * actions;
      double sum = 0;
      for (int a = 0; a < actions; a++) {
        sum += pi[piOffset + a] * byCategory[column + a];
      }
      product *= sum;
    }
    return product;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EmbeddingTable table && table.actions == actions && table.dims == dims
        && Arrays.equals(table.categories, categories) && Arrays.equals(table.probabilities, probabilities);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(probabilities);
  }
}
