package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/**
 * An estimator of the form {@code mean(q(pi) + v(w) * (r - q(a_i)))} (or {@code mean(v(w) * r)}
 * without a model) that replaces the importance weight {@code w} by {@code v(w)}: clipping,
 * switching, shrinking. Such an estimator trades variance for a bias {@code E[(w - v(w)) (r -
 * q(a_i))]}, which its variance-based interval does not see; the engine bounds it from each row's
 * deficit {@code w - v(w)} when the rewards are known to lie in a range (docs/intervals.md).
 */
interface WeightAltering extends Estimator {

  /** The weight the estimator uses in place of {@code weight}. */
  double altered(double weight);

  @Override
  default boolean altersWeights() {
    return true;
  }

  @Override
  default void weightDeficits(BanditBatch batch, int policy, int from, int to, double[] positive,
      double[] negative, double[] model) {
    double[] pi = batch.piLogged(policy);
    double[] pscore = batch.pscore();
    double[] qLogged = needsModel() ? batch.qLogged() : null;
    for (int i = from; i < to; i++) {
      double weight = pi[i] / pscore[i];
      double deficit = weight - altered(weight);
      positive[i - from] = Math.max(deficit, 0.0);
      negative[i - from] = Math.max(-deficit, 0.0);
      model[i - from] = qLogged == null ? 0.0 : deficit * qLogged[i];
    }
  }
}
