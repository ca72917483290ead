package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/**
 * Sub-Gaussian DR, {@code mean(q(pi) + ws * (r - q(a_i)))} with {@link SubGaussianWeight}
 * (Metelli et al. 2021; OBP {@code SubGaussianDoublyRobust}).
 */
record DrSg(double lambda) implements SubGaussianShrunkWeight {

  @Override
  public String id() {
    return "dr-sg";
  }

  @Override
  public String spec() {
    return Specs.withParam(id(), "lambda", lambda);
  }

  @Override
  public boolean needsModel() {
    return true;
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    double[] pi = batch.piLogged(policy);
    double[] pscore = batch.pscore();
    double[] reward = batch.reward();
    double[] qLogged = batch.qLogged();
    double[] qExpected = batch.qExpected(policy);
    for (int i = from; i < to; i++) {
      x[i - from] = qExpected[i] + altered(pi[i] / pscore[i]) * (reward[i] - qLogged[i]);
    }
    return 0;
  }
}
