package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/**
 * DR with optimistic shrinkage, {@code mean(q(pi) + lambda w / (w^2 + lambda) * (r - q(a_i)))}
 * (Su, Dimakopoulou, Krishnamurthy & Dudík 2020, eq. 8; OBP {@code DoublyRobustWithShrinkage}'s
 * code). lambda = inf keeps w (DR); lambda = 0 is taken as its limit, weight 0 (DM), where OBP
 * divides 0/0 for rows with w = 0.
 */
record DrOs(double lambda) implements WeightAltering {

  @Override
  public String id() {
    return "dr-os";
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

  @Override
  public double altered(double weight) {
    return lambda == Double.POSITIVE_INFINITY ? weight : lambda == 0.0 ? 0.0 : lambda * weight / (weight * weight + lambda);
  }

  @Override
  public boolean altersWeights() {
    return lambda != Double.POSITIVE_INFINITY;
  }
}
