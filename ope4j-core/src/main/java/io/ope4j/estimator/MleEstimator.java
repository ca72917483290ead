package io.ope4j.estimator;

/**
 * The empirical-likelihood MLE, spec {@code mle}: the value under the maximum-likelihood
 * distribution over the rows with E[w] = 1, through the root of its one-dimensional dual
 * (Karampatziakis, Langford &amp; Mineiro 2020; as vw-estimators {@code mle}). Its state keeps every
 * (w, r) pair: O(n) memory (see {@link io.ope4j.likelihood.EmpiricalLikelihood}).
 */
record MleEstimator() implements LikelihoodEstimator {

  @Override
  public String id() {
    return "mle";
  }

  @Override
  public boolean keepsPairs() {
    return true;
  }
}
