package io.ope4j.estimator;

/**
 * The Cressie-Read (power -2) estimate, spec {@code cressie-read}: the value under the distribution
 * over the rows (and one fictitious row at w = 0 or inf) closest in that divergence to the empirical
 * one with E[w] = 1, in closed form from six sums (Karampatziakis, Langford &amp; Mineiro 2020; as
 * vw-estimators {@code cressieread}).
 */
record CressieReadEstimator() implements LikelihoodEstimator {

  @Override
  public String id() {
    return "cressie-read";
  }

  @Override
  public boolean keepsPairs() {
    return false;
  }
}
