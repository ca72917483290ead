package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/**
 * Self-normalised DR, {@code mean(q(pi)) + sum(w * (r - q(a_i))) / sum(w)} (Kallus & Uehara
 * 2019; OBP {@code SelfNormalizedDoublyRobust}: only the correction is normalised).
 */
record Sndr() implements Estimator {

  @Override
  public String id() {
    return "sndr";
  }

  @Override
  public boolean needsModel() {
    return true;
  }

  @Override
  public boolean selfNormalized() {
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
      double weight = pi[i] / pscore[i];
      y[i - from] = qExpected[i];
      x[i - from] = weight * (reward[i] - qLogged[i]);
      d[i - from] = weight;
    }
    return 0;
  }
}
