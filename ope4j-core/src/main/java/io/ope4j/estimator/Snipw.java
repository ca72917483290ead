package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/**
 * Self-normalised IPW, {@code sum(w * r) / sum(w)} (Swaminathan & Joachims 2015; OBP {@code
 * SelfNormalizedInverseProbabilityWeighting}).
 */
record Snipw() implements Estimator {

  @Override
  public String id() {
    return "snipw";
  }

  @Override
  public boolean needsModel() {
    return false;
  }

  @Override
  public boolean selfNormalized() {
    return true;
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    return weightedRewards(batch, policy, from, to, x, d);
  }

  /** {@code x = w r} and {@code d = w} for rows {@code [from, to)}: the terms of every ratio of weights. */
  static int weightedRewards(BanditBatch batch, int policy, int from, int to, double[] x, double[] d) {
    double[] pi = batch.piLogged(policy);
    double[] pscore = batch.pscore();
    double[] reward = batch.reward();
    for (int i = from; i < to; i++) {
      double weight = pi[i] / pscore[i];
      x[i - from] = weight * reward[i];
      d[i - from] = weight;
    }
    return 0;
  }
}
