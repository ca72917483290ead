package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/**
 * Switch-DR, {@code mean(q(pi) + 1[w <= lambda] * w * (r - q(a_i)))} (Wang, Agarwal & Dudík
 * 2017; OBP {@code SwitchDoublyRobust}: the test is {@code <=}). Rows above lambda keep only
 * their model term and are counted as altered.
 */
record SwitchDr(double lambda) implements WeightAltering {

  @Override
  public String id() {
    return "switch-dr";
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
    int switched = 0;
    for (int i = from; i < to; i++) {
      double weight = pi[i] / pscore[i];
      if (weight <= lambda) {
        x[i - from] = qExpected[i] + weight * (reward[i] - qLogged[i]);
      } else {
        x[i - from] = qExpected[i];
        switched++;
      }
    }
    return switched;
  }

  @Override
  public double altered(double weight) {
    return weight <= lambda ? weight : 0.0;
  }

  @Override
  public boolean altersWeights() {
    return lambda != Double.POSITIVE_INFINITY;
  }
}
