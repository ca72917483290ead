package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.EmbeddingTable;
import io.ope4j.data.InvalidDataException;
import io.ope4j.data.LogLayout;
import java.util.Arrays;

/**
 * Marginalized inverse propensity score (MIPS) with a known embedding distribution (Saito &amp;
 * Joachims 2022, "Off-Policy Evaluation for Large Action Spaces via Embeddings", Eq. 4): the
 * weight is {@code w(x, e) = p(e | x, pi_e) / p(e | x, pi_b)}, the estimate {@code mean(w r)}, or
 * {@code sum(w r) / sum(w)} self-normalised ({@code snmips}). By default {@code p(e | x, pi) =
 * sum_a pi(a|x) prod_{d in S} p(e_d | a)}, the paper's joint marginal; {@code compat=obp} uses
 * Open Bandit Pipeline 0.5.5's product of per-dimension marginals instead
 * ({@link EmbeddingTable#productOfMarginals}), which is biased with two or more dimensions.
 *
 * <p>Reads the embedding columns, the behaviour policy's wide columns and the evaluation policy's
 * wide columns. The table is bound after parsing ({@link #withEmbeddingTable}); without one the
 * estimator refuses to run.
 */
final class Mips implements Estimator {

  private static final long serialVersionUID = 1L;

  private final boolean selfNormalized;
  private final boolean obpProduct;
  /** The embedding dimensions used, ascending; null for all of them. */
  private final int[] subset;
  private final EmbeddingTable table;

  Mips(boolean selfNormalized, boolean obpProduct, int[] subset, EmbeddingTable table) {
    this.selfNormalized = selfNormalized;
    this.obpProduct = obpProduct;
    this.subset = subset == null ? null : subset.clone();
    this.table = table;
  }

  @Override
  public Mips withEmbeddingTable(EmbeddingTable newTable) {
    return new Mips(selfNormalized, obpProduct, subset, newTable);
  }

  @Override
  public String id() {
    return selfNormalized ? "snmips" : "mips";
  }

  @Override
  public String spec() {
    StringBuilder spec = new StringBuilder(id());
    if (subset != null) {
      spec.append(":dims=").append(MipsSubsets.format(subset));
    }
    return spec.append(obpProduct ? ":compat=obp" : "").toString();
  }

  @Override
  public boolean needsModel() {
    return false;
  }

  @Override
  public boolean selfNormalized() {
    return selfNormalized;
  }

  @Override
  public String unmetNeeds(LogLayout layout) {
    return MipsSubsets.unmetNeeds(table, subset, layout);
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    int dims = table.dims();
    int k = table.actions();
    int[] used = subset != null ? subset : MipsSubsets.all(dims);
    int[] embedding = batch.embedding();
    double[] behavior = batch.behaviorWide();
    double[] pi = batch.piWide(policy);
    double[] reward = batch.reward();
    double[] density = obpProduct ? null : new double[k];
    for (int i = from; i < to; i++) {
      checkCategories(batch, i, embedding, i * dims, dims);
      double evaluation;
      double logging;
      if (obpProduct) {
        evaluation = table.productOfMarginals(pi, i * k, embedding, i * dims, used);
        logging = table.productOfMarginals(behavior, i * k, embedding, i * dims, used);
      } else {
        table.densities(embedding, i * dims, used, density);
        evaluation = dot(pi, i * k, density);
        logging = dot(behavior, i * k, density);
      }
      if (!(logging > 0)) {
        throw new InvalidDataException("the log", batch.firstRow() + i + 1, null,
            "the embedding table gives the observed embedding probability 0 under the behaviour policy");
      }
      double weight = evaluation / logging;
      x[i - from] = weight * reward[i];
      if (selfNormalized) {
        d[i - from] = weight;
      }
    }
    return 0;
  }

  /** {@code sum_a pi(a) density(a)}: the paper's {@code p(e | x, pi)} (Saito &amp; Joachims 2022, Eq. 3). */
  private static double dot(double[] pi, int offset, double[] density) {
    double sum = 0;
    for (int a = 0; a < density.length; a++) {
      sum += pi[offset + a] * density[a];
    }
    return sum;
  }

  private void checkCategories(BanditBatch batch, int i, int[] embedding, int offset, int dims) {
    for (int dim = 0; dim < dims; dim++) {
      int category = embedding[offset + dim];
      if (category >= table.categories(dim)) {
        throw new InvalidDataException("the log", batch.firstRow() + i + 1, null,
            "embedding dimension " + dim + " has category " + category + ", but the embedding table gives "
                + table.categories(dim) + " categories (0.." + (table.categories(dim) - 1) + ")");
      }
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Mips mips && mips.selfNormalized == selfNormalized && mips.obpProduct == obpProduct
        && Arrays.equals(mips.subset, subset) && java.util.Objects.equals(mips.table, table);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(selfNormalized, obpProduct, Arrays.hashCode(subset));
  }

  @Override
  public String toString() {
    return spec();
  }
}
