package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/** Sub-Gaussian IPW, {@code mean(ws * r)} with {@link SubGaussianWeight} (Metelli et al. 2021). */
record IpwSg(double lambda) implements SubGaussianShrunkWeight {

  @Override
  public String id() {
    return "ipw-sg";
  }

  @Override
  public String spec() {
    return Specs.withParam(id(), "lambda", lambda);
  }

  @Override
  public boolean needsModel() {
    return false;
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    double[] pi = batch.piLogged(policy);
    double[] pscore = batch.pscore();
    double[] reward = batch.reward();
    for (int i = from; i < to; i++) {
      x[i - from] = altered(pi[i] / pscore[i]) * reward[i];
    }
    return 0;
  }
}
