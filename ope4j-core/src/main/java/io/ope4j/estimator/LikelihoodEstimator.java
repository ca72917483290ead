package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/**
 * An estimator whose value maximises an empirical likelihood of the rows under the constraint E[w]
 * = 1, rather than a mean of per-round terms (Karampatziakis, Langford &amp; Mineiro 2020,
 * "Empirical Likelihood for Contextual Bandits"): the engine computes it from the importance weights
 * and rewards with {@link io.ope4j.likelihood.CressieRead} or {@link
 * io.ope4j.likelihood.EmpiricalLikelihood}. Its terms are those of SNIPW ({@code x = w r}, {@code d =
 * w}); the engine reads their moments for the standard error and the concentration bounds.
 */
public sealed interface LikelihoodEstimator extends Estimator permits CressieReadEstimator, MleEstimator {

  /** Whether the estimate needs every (w, r) pair (the MLE), not the six sums of Cressie-Read. */
  boolean keepsPairs();

  @Override
  default boolean needsModel() {
    return false;
  }

  @Override
  default boolean selfNormalized() {
    return true;
  }

  @Override
  default int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    return Snipw.weightedRewards(batch, policy, from, to, x, d);
  }
}
